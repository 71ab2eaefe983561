package dev.steelyard.chassis.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Publishes committed outbox rows to Kafka. Rows are claimed with FOR UPDATE SKIP LOCKED so
 * that several replicas can relay side by side; a row is marked sent only after the broker
 * acknowledged it (acks=all, idempotent producer), so a crash at any point means a resend
 * with the same ce_id, never a loss.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    EntityManager entityManager;

    @Inject
    OutboxConfig config;

    @Inject
    MeterRegistry meters;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private final Semaphore wakeUps = new Semaphore(0);
    private final AtomicLong published = new AtomicLong();
    private volatile boolean running;
    private volatile Instant lastFailure;
    private Thread worker;
    private Producer<String, byte[]> producer;

    void start(@Observes StartupEvent startup) {
        meters.gauge("steelyard.outbox.published", published);
        if (!config.enabled()) {
            LOG.info("Outbox relay disabled in this replica");
            return;
        }
        running = true;
        worker = new Thread(this::relayUntilStopped, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        wakeUps.release();
        if (worker != null) {
            worker.join(Duration.ofSeconds(10).toMillis());
        }
        closeProducer();
    }

    /** Called after a commit that appended events, so they leave at once rather than at the next poll. */
    void wakeUp() {
        wakeUps.release();
    }

    /** Whether the last attempt to reach the broker failed (for health and metrics). */
    public boolean isFailing() {
        return lastFailure != null;
    }

    public long publishedCount() {
        return published.get();
    }

    private void relayUntilStopped() {
        Duration backoff = Duration.ZERO;
        while (running) {
            try {
                int sent = publishBatch();
                if (lastFailure != null) {
                    LOG.infof("Outbox relay reached Kafka again after failing since %s", lastFailure);
                    lastFailure = null;
                }
                backoff = Duration.ZERO;
                if (sent < config.batchSize()) {
                    wakeUps.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUps.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException failure) {
                if (!running) {
                    return;
                }
                if (lastFailure == null) {
                    lastFailure = Instant.now();
                    LOG.warnf("Outbox relay cannot publish (%s); events stay in the outbox and are retried",
                            rootMessage(failure));
                }
                closeProducer();
                backoff = backoff.isZero() ? Duration.ofMillis(200) : min(backoff.multipliedBy(2), config.maxBackoff());
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private int publishBatch() {
        return QuarkusTransaction.requiringNew()
                .timeout((int) config.sendTimeout().multipliedBy(2).toSeconds())
                .call(() -> {
                    @SuppressWarnings("unchecked")
                    List<OutboxEvent> batch = entityManager.createNativeQuery("""
                            SELECT * FROM outbox_event
                            WHERE sent_at IS NULL
                            ORDER BY position
                            LIMIT :batchSize
                            FOR UPDATE SKIP LOCKED""", OutboxEvent.class)
                            .setParameter("batchSize", config.batchSize())
                            .getResultList();
                    if (batch.isEmpty()) {
                        return 0;
                    }
                    Producer<String, byte[]> kafka = producer();
                    List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
                    for (OutboxEvent event : batch) {
                        acks.add(kafka.send(event.toRecord()));
                    }
                    awaitAll(acks);
                    Instant now = Instant.now();
                    for (OutboxEvent event : batch) {
                        event.sentAt = now;
                    }
                    published.addAndGet(batch.size());
                    return batch.size();
                });
    }

    private void awaitAll(List<Future<RecordMetadata>> acks) {
        long deadline = System.nanoTime() + config.sendTimeout().toNanos();
        try {
            for (Future<RecordMetadata> ack : acks) {
                ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka refused the batch: " + rootMessage(e), e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge the batch within " + config.sendTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka");
        }
    }

    /** Deletes rows that were sent longer ago than the retention. */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeSent() {
        Instant cutoff = Instant.now().minus(config.retention());
        long purged = QuarkusTransaction.requiringNew().call(() -> OutboxEvent.delete("sentAt < ?1", cutoff));
        if (purged > 0) {
            LOG.infof("Purged %d outbox rows sent before %s", purged, cutoff);
        }
    }

    private synchronized Producer<String, byte[]> producer() {
        if (producer == null) {
            Properties properties = new Properties();
            properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            properties.put(ProducerConfig.ACKS_CONFIG, "all");
            properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            properties.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
            properties.put(ProducerConfig.LINGER_MS_CONFIG, 0);
            properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
            properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
            properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) config.sendTimeout().toMillis());
            properties.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000);
            properties.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
            producer = new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    private synchronized void closeProducer() {
        if (producer != null) {
            producer.close(Duration.ZERO);
            producer = null;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
