package dev.steelyard.chassis.inbox;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.DateTimeException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.steelyard.chassis.events.IncomingEvent;
import dev.steelyard.chassis.events.MalformedEventException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;

/**
 * Runs a consumer's effect exactly once per event id: the id is recorded in the same
 * transaction as the effect, so a redelivered event is a no-op. A poison event is rejected at
 * once (to the dead-letter topic); a failure that is not the event's fault is retried first.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    @Inject
    EntityManager entityManager;

    @Inject
    InboxConfig config;

    /** Set when the application starts to stop: from then on no event is acknowledged or dead-lettered. */
    private volatile boolean stopping;

    void onStop(@Observes @Priority(1) ShutdownEvent event) {
        stopping = true;
    }

    /**
     * Processes the record once per event id, or throws {@link EventRejectedException} for the
     * dead-letter topic. Only the event's own fault rejects it: a failure of the infrastructure
     * (database unreachable, deadlock) is retried for as long as it lasts, and a failure while the
     * service shuts down leaves the record unacknowledged, so it is delivered again after the restart.
     */
    public void process(ConsumerRecord<String, byte[]> record, EventHandler handler) {
        IncomingEvent event;
        try {
            event = IncomingEvent.from(record);
        } catch (MalformedEventException e) {
            throw reject(record, e.getMessage(), e);
        }
        Duration backoff = config.firstBackoff();
        for (int attempt = 1;; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    if (firstDelivery(event)) {
                        handler.handle(event);
                    }
                });
                return;
            } catch (RuntimeException failure) {
                if (stopping) {
                    holdUntilExit(event);
                }
                boolean transientFailure = isTransient(failure);
                if (isPoison(failure) || (!transientFailure && attempt >= config.maxAttempts())) {
                    throw reject(record, event.type() + " event " + event.id() + " rejected: " + reason(failure), failure);
                }
                LOG.warnf("%s event %s failed (attempt %d%s, %s); retrying in %d ms", event.type(), event.id(), attempt,
                        transientFailure ? ", retried until the infrastructure is back" : " of " + config.maxAttempts(),
                        reason(failure), backoff.toMillis());
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : backoff.multipliedBy(2);
            }
        }
    }

    /**
     * Neither acknowledges nor rejects: the consumer closes without committing this record's offset,
     * and the next instance receives it again. The thread ends when the JVM does.
     */
    private void holdUntilExit(IncomingEvent event) {
        LOG.infof("%s event %s left unacknowledged: the service is stopping; it is delivered again after the restart",
                event.type(), event.id());
        while (true) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                // Stay: returning would acknowledge the record, throwing would dead-letter it.
            }
        }
    }

    /**
     * Records the ids of events a consumer applies together, in the caller's transaction and one
     * statement, and returns those delivered for the first time (never processed before, first of
     * their id in the list); the caller applies exactly those in the same transaction. A consumer
     * whose batch fails falls back to {@link #process} record by record, which decides what is poison.
     */
    public Set<String> recordFirstDeliveries(List<IncomingEvent> events) {
        // In id order, so concurrent batches take their row locks in one order.
        Map<String, IncomingEvent> byId = new TreeMap<>();
        events.forEach(event -> byId.putIfAbsent(event.id(), event));
        Set<String> first = new HashSet<>();
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO inbox_event (event_id, event_type, source, topic, processed_at)
                    SELECT id, type, source, topic, now()
                    FROM unnest(?::text[], ?::text[], ?::text[], ?::text[]) AS event (id, type, source, topic)
                    ON CONFLICT (event_id) DO NOTHING RETURNING event_id""")) {
                insert.setArray(1, connection.createArrayOf("text", byId.keySet().toArray(String[]::new)));
                insert.setArray(2, connection.createArrayOf("text",
                        byId.values().stream().map(IncomingEvent::type).toArray(String[]::new)));
                insert.setArray(3, connection.createArrayOf("text",
                        byId.values().stream().map(IncomingEvent::source).toArray(String[]::new)));
                insert.setArray(4, connection.createArrayOf("text",
                        byId.values().stream().map(IncomingEvent::topic).toArray(String[]::new)));
                try (ResultSet inserted = insert.executeQuery()) {
                    while (inserted.next()) {
                        first.add(inserted.getString(1));
                    }
                }
            }
        });
        if (first.size() < events.size()) {
            LOG.debugf("%d of %d events already processed; ignored", events.size() - first.size(), events.size());
        }
        return first;
    }

    /** Records the event id; false when it was processed before. */
    private boolean firstDelivery(IncomingEvent event) {
        int inserted = entityManager.createNativeQuery("""
                INSERT INTO inbox_event (event_id, event_type, source, topic, processed_at)
                VALUES (:id, :type, :source, :topic, now())
                ON CONFLICT (event_id) DO NOTHING""")
                .setParameter("id", event.id())
                .setParameter("type", event.type())
                .setParameter("source", event.source())
                .setParameter("topic", event.topic())
                .executeUpdate();
        if (inserted == 0) {
            LOG.debugf("%s event %s already processed; ignored", event.type(), event.id());
        }
        return inserted == 1;
    }

    private static EventRejectedException reject(ConsumerRecord<String, byte[]> record, String reason, Throwable cause) {
        LOG.errorf("Dead-lettering record %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), reason);
        return new EventRejectedException(reason, cause);
    }

    /**
     * The event's own fault, known at once: a malformed envelope or data a handler refuses. Anything
     * else that is not transient may be a bug met by this event; it is retried a few times first.
     */
    static boolean isPoison(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MalformedEventException || cause instanceof IllegalArgumentException
                    || cause instanceof EventRejectedException || cause instanceof DateTimeException
                    || cause instanceof JsonProcessingException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** Connection loss, lock conflicts and serialization failures: the infrastructure's fault, not the event's. */
    static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientException || cause instanceof SQLRecoverableException
                    || cause instanceof OptimisticLockException || cause instanceof PessimisticLockException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.startsWith("40") || state.startsWith("57P")) {
                    return true;
                }
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private static String reason(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MalformedEventException || cause instanceof IllegalArgumentException) {
                return cause.getMessage();
            }
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? "processing failed" : root.getMessage();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying an event");
        }
    }
}
