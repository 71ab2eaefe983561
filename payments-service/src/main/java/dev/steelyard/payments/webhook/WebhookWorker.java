package dev.steelyard.payments.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import dev.steelyard.payments.config.WebhookConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Processes stored webhooks one per transaction, claimed with FOR UPDATE SKIP LOCKED so replicas
 * share the work. Woken after each commit that stored one, with a fallback poll. A delivery that
 * fails is retried with a growing pause and parked as FAILED after the configured attempts.
 */
@ApplicationScoped
public class WebhookWorker {

    private static final Logger LOG = Logger.getLogger(WebhookWorker.class);

    @Inject
    EntityManager entityManager;

    @Inject
    WebhookProcessing processing;

    @Inject
    WebhookConfig config;

    @Inject
    Clock clock;

    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;

    void start(@Observes StartupEvent startup) {
        running = true;
        worker = new Thread(this::workUntilStopped, "webhook-worker");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        wakeUps.release();
        if (worker != null) {
            worker.join(Duration.ofSeconds(10).toMillis());
        }
    }

    void wakeUp() {
        wakeUps.release();
    }

    private void workUntilStopped() {
        while (running) {
            try {
                while (running && processNext()) {
                    // keep going while there is work
                }
                wakeUps.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeUps.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (running) {
                    LOG.warnf("Webhook worker cannot reach the database (%s); retrying", e.getMessage());
                    sleepQuietly();
                }
            }
        }
    }

    /** Processes one due delivery; false when none is due. */
    boolean processNext() {
        Long[] claimed = new Long[1];
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                List<?> due = entityManager.createNativeQuery("""
                        SELECT * FROM webhook_delivery
                        WHERE status = 'RECEIVED' AND next_attempt_at <= :now
                        ORDER BY id
                        LIMIT 1
                        FOR UPDATE SKIP LOCKED""", WebhookDelivery.class)
                        .setParameter("now", Instant.now(clock))
                        .getResultList();
                if (due.isEmpty()) {
                    return false;
                }
                WebhookDelivery delivery = (WebhookDelivery) due.get(0);
                claimed[0] = delivery.id;
                processing.process(delivery);
                return true;
            });
        } catch (RuntimeException failure) {
            if (claimed[0] == null) {
                throw failure;
            }
            recordFailure(claimed[0], failure);
            return true;
        }
    }

    private void recordFailure(long id, RuntimeException failure) {
        String reason = rootMessage(failure);
        QuarkusTransaction.requiringNew().run(() -> {
            WebhookDelivery delivery = WebhookDelivery.findById(id);
            delivery.attempts++;
            delivery.outcome = reason;
            if (delivery.attempts >= config.maxAttempts()) {
                delivery.status = WebhookDelivery.Status.FAILED;
                LOG.errorf("Webhook %s %s failed %d times, parked: %s", delivery.provider, delivery.eventId,
                        delivery.attempts, reason);
            } else {
                delivery.nextAttemptAt = Instant.now(clock).plusSeconds(1L << delivery.attempts);
                LOG.warnf("Webhook %s %s failed (attempt %d): %s", delivery.provider, delivery.eventId,
                        delivery.attempts, reason);
            }
        });
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private void sleepQuietly() {
        try {
            wakeUps.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
