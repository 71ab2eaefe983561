package dev.steelyard.kpi.rebuild;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
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
import dev.steelyard.kpi.receivables.ReceivablesLedger;
import dev.steelyard.kpi.receivables.ReceivablesLedger.ReceivedEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Rebuilds every projection from the beginning of the Kafka topics into a new generation, beside
 * the live one: live events go to both while the replay catches up to the end offsets taken when
 * it started, then queries switch to the new generation and the old one is deleted. Each event
 * keeps the received_at it had, so "as known at" answers stay the same.
 * <p>
 * The rebuilding instance holds a lease in projection_state, renewed as it replays. An instance that
 * stops releases it; one that dies lets it expire. Every instance looks for an expired lease at
 * startup and periodically, and the first to find one starts the rebuild again from the beginning
 * into a fresh generation (the partial one is deleted), so no restart leaves the service stuck.
 */
@ApplicationScoped
public class ProjectionRebuild {

    private static final Logger LOG = Logger.getLogger(ProjectionRebuild.class);
    private static final List<String> PROJECTION_TABLES = List.of("ar_entry", "daily_balance",
            "known_daily_balance", "open_item", "open_item_history", "projected_event");

    /**
     * Where a rebuild stands: {@code idle}, {@code rebuilding}, or {@code stalled} (its owner stopped
     * renewing the lease; another instance takes it over within the check interval).
     */
    public record Status(String state, int activeGeneration, Integer buildingGeneration, Instant startedAt,
            Instant finishedAt, long eventsReplayed, String owner, Instant heartbeatAt, Instant leaseExpiresAt,
            int takeovers) {
    }

    /** The state row read under lock, with whether the lease has expired by the database's clock. */
    private record State(int active, Integer building, boolean expired, int takeovers) {
    }

    /** The lease passed to another instance: this one stops without touching the state. */
    private static final class LeaseLostException extends RuntimeException {

        LeaseLostException(int generation) {
            super("the lease on the rebuild into generation " + generation + " passed to another instance");
        }
    }

    @Inject
    EntityManager entityManager;

    @Inject
    ReceivablesLedger ledger;

    @Inject
    RebuildConfig config;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "mp.messaging.incoming.ar-events.topics")
    List<String> topics;

    private final String instance = hostName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "projection-rebuild"));
    private final AtomicLong replayed = new AtomicLong();
    private volatile Integer ownGeneration;
    private volatile boolean stopping;

    /** Starts a rebuild; refused while another one holds a live lease, a stalled one is taken over. */
    public Status start() {
        int generation = QuarkusTransaction.requiringNew().call(() -> {
            State state = lockState();
            if (state.building() != null && !state.expired()) {
                throw new ConflictException("a rebuild into generation " + state.building() + " is already running");
            }
            return claim(state);
        });
        launch(generation);
        return status();
    }

    /** Takes over a rebuild whose owner stopped renewing its lease, if there is one. */
    @Scheduled(every = "${steelyard.kpi.rebuild.check-every:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void takeOverStalled() {
        if (stopping) {
            return;
        }
        Integer generation = QuarkusTransaction.requiringNew().call(() -> {
            State state = lockState();
            return state.building() != null && state.expired() ? claim(state) : null;
        });
        if (generation != null) {
            launch(generation);
        }
    }

    void onStart(@Observes StartupEvent event) {
        takeOverStalled();
    }

    public Status status() {
        Object[] row = (Object[]) entityManager.createNativeQuery("""
                SELECT active_generation, building_generation, rebuild_started_at, rebuild_finished_at,
                       rebuild_events_replayed, rebuild_owner, rebuild_heartbeat,
                       rebuild_heartbeat + make_interval(secs => :lease),
                       rebuild_heartbeat IS NULL OR rebuild_heartbeat < now() - make_interval(secs => :lease),
                       rebuild_takeovers
                FROM projection_state WHERE id = 1""")
                .setParameter("lease", (double) config.lease().toSeconds()).getSingleResult();
        Integer building = row[1] == null ? null : ((Number) row[1]).intValue();
        boolean mine = building != null && building.equals(ownGeneration);
        String state = building == null ? "idle" : Boolean.TRUE.equals(row[8]) ? "stalled" : "rebuilding";
        return new Status(state, ((Number) row[0]).intValue(), building, instant(row[2]), instant(row[3]),
                mine ? replayed.get() : ((Number) row[4]).longValue(), (String) row[5], instant(row[6]),
                building == null ? null : instant(row[7]), ((Number) row[9]).intValue());
    }

    private State lockState() {
        Object[] row = (Object[]) entityManager.createNativeQuery("""
                SELECT active_generation, building_generation,
                       rebuild_heartbeat IS NULL OR rebuild_heartbeat < now() - make_interval(secs => :lease),
                       rebuild_takeovers
                FROM projection_state WHERE id = 1 FOR UPDATE""")
                .setParameter("lease", (double) config.lease().toSeconds()).getSingleResult();
        return new State(((Number) row[0]).intValue(), row[1] == null ? null : ((Number) row[1]).intValue(),
                Boolean.TRUE.equals(row[2]), ((Number) row[3]).intValue());
    }

    /**
     * Makes this instance the owner of a rebuild into a fresh generation, above every generation a
     * stalled owner may still be writing, so nothing it writes can mix in.
     */
    private int claim(State state) {
        int next = Math.max(state.active(), state.building() == null ? 0 : state.building()) + 1;
        boolean takeover = state.building() != null;
        if (takeover) {
            LOG.warnf("The rebuild into generation %d stalled (lease expired); %s starts it again into generation %d",
                    state.building(), instance, next);
        }
        entityManager.createNativeQuery("""
                UPDATE projection_state SET building_generation = :g, rebuild_owner = :owner,
                    rebuild_heartbeat = now(), rebuild_started_at = now(), rebuild_finished_at = NULL,
                    rebuild_events_replayed = 0, rebuild_takeovers = :takeovers WHERE id = 1""")
                .setParameter("g", next).setParameter("owner", instance)
                .setParameter("takeovers", state.takeovers() + (takeover ? 1 : 0))
                .executeUpdate();
        return next;
    }

    private void launch(int generation) {
        ownGeneration = generation;
        replayed.set(0);
        worker.submit(() -> run(generation));
    }

    private void run(int generation) {
        try {
            deleteAbandonedGenerations(generation);
            replay(generation);
            switchOver(generation);
        } catch (LeaseLostException e) {
            LOG.warn(e.getMessage());
        } catch (RuntimeException e) {
            if (stopping) {
                LOG.infof("Rebuild into generation %d interrupted by shutdown; another instance takes it over", generation);
                return;
            }
            LOG.errorf(e, "Rebuild of generation %d failed; the live generation stays active", generation);
            int released = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                    UPDATE projection_state SET building_generation = NULL
                    WHERE id = 1 AND building_generation = :g AND rebuild_owner = :owner""")
                    .setParameter("g", generation).setParameter("owner", instance).executeUpdate());
            if (released == 1) {
                deleteGeneration(generation);
            }
        } finally {
            ownGeneration = null;
        }
    }

    /** Rows of a partial generation left by an owner that died, or written by one that did not know it lost the lease. */
    private void deleteAbandonedGenerations(int generation) {
        for (String table : PROJECTION_TABLES) {
            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                    DELETE FROM %s WHERE generation < :g
                        AND generation <> (SELECT active_generation FROM projection_state WHERE id = 1)"""
                    .formatted(table)).setParameter("g", generation).executeUpdate());
        }
    }

    private void replay(int generation) {
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
            long renewed = System.nanoTime();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
                consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        batch.add(record);
                    }
                });
                replayBatch(generation, batch);
                replayed.addAndGet(batch.size());
                if (System.nanoTime() - renewed >= config.heartbeat().toNanos()) {
                    renewLease(generation);
                    renewed = System.nanoTime();
                }
            }
        }
    }

    /** Renews the lease and publishes the progress; the lease lost means another instance took over. */
    private void renewLease(int generation) {
        int renewed = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                UPDATE projection_state SET rebuild_heartbeat = now(), rebuild_events_replayed = :replayed
                WHERE id = 1 AND building_generation = :g AND rebuild_owner = :owner""")
                .setParameter("replayed", replayed.get()).setParameter("g", generation)
                .setParameter("owner", instance).executeUpdate());
        if (renewed == 0) {
            throw new LeaseLostException(generation);
        }
    }

    /**
     * One transaction per polled batch, its events written together (see ReceivablesLedger). The live
     * consumer writes the same generation meanwhile, so a deadlock can abort a batch; it is
     * all-or-nothing and idempotent per event, so it is retried.
     */
    private void replayBatch(int generation, List<ConsumerRecord<String, byte[]>> batch) {
        List<ReceivedEvent> events = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : batch) {
            try {
                IncomingEvent event = IncomingEvent.from(record);
                // Until looked up: the record's timestamp, for an event the live projection never had.
                events.add(new ReceivedEvent(event.id(), ArMovements.of(event), Instant.ofEpochMilli(record.timestamp())));
            } catch (RuntimeException poison) {
                // Rejected live as well (it sits in the dead-letter topic): it never counted.
            }
        }
        if (events.isEmpty()) {
            return;
        }
        for (int attempt = 1;; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    Map<String, Instant> received = receivedAt(events.stream().map(ReceivedEvent::eventId).toList());
                    ledger.applyTo(generation, events.stream().map(event -> new ReceivedEvent(event.eventId(),
                            event.movements(), received.getOrDefault(event.eventId(), event.receivedAt()))).toList());
                });
                return;
            } catch (RuntimeException e) {
                if (attempt >= 5 || stopping) {
                    throw e;
                }
                LOG.warnf("Rebuild batch failed (attempt %d of 5, %s); retrying", attempt, e.getMessage());
            }
        }
    }

    /** The times the live projection received the events, so knownAt answers are reproduced exactly. */
    private Map<String, Instant> receivedAt(Collection<String> eventIds) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT e.event_id, e.received_at FROM projected_event e
                JOIN projection_state s ON e.generation = s.active_generation
                WHERE e.event_id IN (:ids)""").setParameter("ids", eventIds).getResultList();
        Map<String, Instant> received = new HashMap<>();
        for (Object[] row : rows) {
            received.put((String) row[0], instant(row[1]));
        }
        return received;
    }

    private void switchOver(int generation) {
        long events = replayed.get();
        int old = QuarkusTransaction.requiringNew().call(() -> {
            Object[] state = (Object[]) entityManager.createNativeQuery("""
                    SELECT active_generation, building_generation IS NOT DISTINCT FROM :g AND rebuild_owner = :owner
                    FROM projection_state WHERE id = 1 FOR UPDATE""")
                    .setParameter("g", generation).setParameter("owner", instance).getSingleResult();
            if (!Boolean.TRUE.equals(state[1])) {
                throw new LeaseLostException(generation);
            }
            entityManager.createNativeQuery("""
                    UPDATE projection_state SET active_generation = :g, building_generation = NULL,
                        rebuild_finished_at = now(), rebuild_heartbeat = now(), rebuild_events_replayed = :replayed
                    WHERE id = 1""").setParameter("g", generation).setParameter("replayed", events).executeUpdate();
            return ((Number) state[0]).intValue();
        });
        LOG.infof("Projections rebuilt into generation %d (%d events replayed); generation %d dropped", generation,
                events, old);
        // Everything below the new generation: the old one and whatever an earlier owner left behind.
        for (String table : PROJECTION_TABLES) {
            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                    "DELETE FROM " + table + " WHERE generation < :g").setParameter("g", generation).executeUpdate());
        }
    }

    private void deleteGeneration(int generation) {
        for (String table : PROJECTION_TABLES) {
            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                    "DELETE FROM " + table + " WHERE generation = :g").setParameter("g", generation).executeUpdate());
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
        return ReceivablesLedger.toInstant(value);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "kpi-service";
        }
    }

    /** Stopping: the lease is released at once, so another instance (or this one restarted) takes over. */
    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        Integer generation = ownGeneration;
        if (generation == null) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                    UPDATE projection_state SET rebuild_heartbeat = NULL
                    WHERE id = 1 AND building_generation = :g AND rebuild_owner = :owner""")
                    .setParameter("g", generation).setParameter("owner", instance).executeUpdate());
        } catch (RuntimeException e) {
            LOG.warnf("Could not release the rebuild lease (%s); it expires after %s", e.getMessage(), config.lease());
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
