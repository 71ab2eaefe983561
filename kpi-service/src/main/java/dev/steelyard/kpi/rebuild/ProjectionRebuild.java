package dev.steelyard.kpi.rebuild;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.steelyard.chassis.events.IncomingEvent;
import dev.steelyard.chassis.web.ConflictException;
import dev.steelyard.kpi.receivables.ArMovements;
import dev.steelyard.kpi.receivables.Movement;
import dev.steelyard.kpi.receivables.ReceivablesLedger;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Rebuilds every projection from the beginning of the Kafka topics into a new generation, beside
 * the live one: live events go to both while the replay catches up to the end offsets taken when
 * it started, then queries switch to the new generation and the old one is deleted. Each event
 * keeps the received_at it had, so "as known at" answers stay the same.
 */
@ApplicationScoped
public class ProjectionRebuild {

    private static final Logger LOG = Logger.getLogger(ProjectionRebuild.class);
    private static final List<String> PROJECTION_TABLES = List.of("ar_entry", "daily_balance",
            "known_daily_balance", "open_item", "open_item_history", "projected_event");

    /** Where a rebuild stands. */
    public record Status(String state, int activeGeneration, Integer buildingGeneration, Instant startedAt,
            Instant finishedAt, long eventsReplayed) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    ReceivablesLedger ledger;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "mp.messaging.incoming.ar-events.topics")
    List<String> topics;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "projection-rebuild"));
    private final AtomicLong replayed = new AtomicLong();

    public Status start() {
        int generation = QuarkusTransaction.requiringNew().call(() -> {
            Object[] state = (Object[]) entityManager.createNativeQuery(
                    "SELECT active_generation, building_generation FROM projection_state WHERE id = 1 FOR UPDATE")
                    .getSingleResult();
            if (state[1] != null) {
                throw new ConflictException("a rebuild into generation " + state[1] + " is already running");
            }
            int next = ((Number) state[0]).intValue() + 1;
            for (String table : PROJECTION_TABLES) {
                entityManager.createNativeQuery("DELETE FROM " + table + " WHERE generation = :g")
                        .setParameter("g", next).executeUpdate();
            }
            entityManager.createNativeQuery("""
                    UPDATE projection_state SET building_generation = :g, rebuild_started_at = now(),
                        rebuild_finished_at = NULL WHERE id = 1""").setParameter("g", next).executeUpdate();
            return next;
        });
        replayed.set(0);
        worker.submit(() -> run(generation));
        return status();
    }

    public Status status() {
        Object[] state = (Object[]) entityManager.createNativeQuery("""
                SELECT active_generation, building_generation, rebuild_started_at, rebuild_finished_at
                FROM projection_state WHERE id = 1""").getSingleResult();
        return new Status(state[1] == null ? "idle" : "rebuilding", ((Number) state[0]).intValue(),
                state[1] == null ? null : ((Number) state[1]).intValue(), instant(state[2]), instant(state[3]),
                replayed.get());
    }

    private void run(int generation) {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
                if (infos != null) {
                    infos.forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // Everything after these offsets reaches the new generation through the live consumer.
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
                consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        batch.add(record);
                    }
                });
                replayBatch(generation, batch);
                replayed.addAndGet(batch.size());
            }
            switchOver(generation);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Rebuild of generation %d failed; the live generation stays active", generation);
            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                    "UPDATE projection_state SET building_generation = NULL WHERE id = 1").executeUpdate());
        }
    }

    /**
     * One transaction per polled batch. The live consumer writes the same generation meanwhile, so a
     * deadlock can abort a batch; it is all-or-nothing and idempotent per event, so it is retried.
     */
    private void replayBatch(int generation, List<ConsumerRecord<String, byte[]>> batch) {
        for (int attempt = 1;; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> batch.forEach(record -> replay(generation, record)));
                return;
            } catch (RuntimeException e) {
                if (attempt >= 5) {
                    throw e;
                }
                LOG.warnf("Rebuild batch failed (attempt %d of 5, %s); retrying", attempt, e.getMessage());
            }
        }
    }

    private void replay(int generation, ConsumerRecord<String, byte[]> record) {
        IncomingEvent event;
        List<Movement> movements;
        try {
            event = IncomingEvent.from(record);
            movements = ArMovements.of(event);
        } catch (RuntimeException poison) {
            // Rejected live as well (it sits in the dead-letter topic): it never counted.
            return;
        }
        ledger.applyTo(generation, event.id(), movements, receivedAt(event.id(), record));
    }

    /** The time the live projection received the event, so knownAt answers are reproduced exactly. */
    private Instant receivedAt(String eventId, ConsumerRecord<String, byte[]> record) {
        List<?> known = entityManager.createNativeQuery("""
                SELECT received_at FROM projected_event e JOIN projection_state s ON e.generation = s.active_generation
                WHERE e.event_id = :id""").setParameter("id", eventId).getResultList();
        return known.isEmpty() ? Instant.ofEpochMilli(record.timestamp()) : instant(known.get(0));
    }

    private void switchOver(int generation) {
        int old = QuarkusTransaction.requiringNew().call(() -> {
            int active = ((Number) entityManager.createNativeQuery(
                    "SELECT active_generation FROM projection_state WHERE id = 1 FOR UPDATE").getSingleResult())
                    .intValue();
            entityManager.createNativeQuery("""
                    UPDATE projection_state SET active_generation = :g, building_generation = NULL,
                        rebuild_finished_at = now() WHERE id = 1""").setParameter("g", generation).executeUpdate();
            return active;
        });
        LOG.infof("Projections rebuilt into generation %d (%d events replayed); generation %d dropped", generation,
                replayed.get(), old);
        for (String table : PROJECTION_TABLES) {
            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                    "DELETE FROM " + table + " WHERE generation = :g").setParameter("g", old).executeUpdate());
        }
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "kpi-service-rebuild-" + UUID.randomUUID());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
