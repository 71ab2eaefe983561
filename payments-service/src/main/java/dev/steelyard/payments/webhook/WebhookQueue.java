package dev.steelyard.payments.webhook;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;

/** The durable queue of verified webhooks: stored in the request transaction, the worker woken once it commits. */
@ApplicationScoped
public class WebhookQueue {

    @Inject
    EntityManager entityManager;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    WebhookWorker worker;

    @Inject
    Clock clock;

    /** One verified event of a request body. */
    public record Item(String eventId, String eventType, int itemIndex) {
    }

    /**
     * Stores the events of a verified body; an event id stored before is left as it is, so a
     * redelivery is answered 2xx again without doing anything twice.
     */
    @Transactional
    public int store(String provider, String body, java.util.List<Item> items) {
        int stored = 0;
        Instant now = Instant.now(clock);
        for (Item item : items) {
            stored += entityManager.createNativeQuery("""
                    INSERT INTO webhook_delivery (provider, event_id, event_type, body, item_index, received_at, status,
                                                  attempts, next_attempt_at)
                    VALUES (:provider, :eventId, :eventType, :body, :itemIndex, :now, 'RECEIVED', 0, :now)
                    ON CONFLICT (provider, event_id) DO NOTHING""")
                    .setParameter("provider", provider)
                    .setParameter("eventId", item.eventId())
                    .setParameter("eventType", item.eventType())
                    .setParameter("body", body)
                    .setParameter("itemIndex", item.itemIndex())
                    .setParameter("now", now)
                    .executeUpdate();
        }
        if (stored > 0) {
            wakeWorkerOnCommit();
        }
        return stored;
    }

    /** Puts refunds and chargebacks that waited for this payment back in the queue. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void releaseAwaiting(String source, String gatewayTransactionId) {
        int released = entityManager.createNativeQuery("""
                UPDATE webhook_delivery SET status = 'RECEIVED', next_attempt_at = :now
                WHERE status = 'AWAITING_PAYMENT' AND awaited_transaction = :awaited""")
                .setParameter("now", Instant.now(clock))
                .setParameter("awaited", awaitedKey(source, gatewayTransactionId))
                .executeUpdate();
        if (released > 0) {
            wakeWorkerOnCommit();
        }
    }

    static String awaitedKey(String source, String gatewayTransactionId) {
        return source + ":" + gatewayTransactionId;
    }

    private void wakeWorkerOnCommit() {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    worker.wakeUp();
                }
            }
        });
    }
}
