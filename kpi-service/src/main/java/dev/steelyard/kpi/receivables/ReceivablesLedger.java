package dev.steelyard.kpi.receivables;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.hibernate.Session;

import dev.steelyard.chassis.events.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Writes events' movements into a projection generation: the ledger rows, the daily
 * pre-aggregates of the three scope levels (also split by hour of receipt, for "as known at") and
 * the open spans of the invoices touched, now and as known before. A batch of events takes a fixed
 * number of statements (see {@link LedgerBatch}). Runs inside the caller's transaction (the live
 * consumer's, the inbox's, or a rebuild's).
 */
@ApplicationScoped
public class ReceivablesLedger {

    /** Scope level marker for "all entities" or "all customers" in daily_balance. */
    public static final String ALL = "*";

    /** An event's movements and the time it was received, ready to be applied. */
    public record ReceivedEvent(String eventId, List<Movement> movements, Instant receivedAt) {
    }

    @Inject
    Clock clock;

    @Inject
    EntityManager entityManager;

    @Inject
    ProjectionGenerations generations;

    /** A live event on its own (the inbox's record-by-record path). */
    public void apply(IncomingEvent event) {
        applyLive(List.of(new ReceivedEvent(event.id(), ArMovements.of(event), now())));
    }

    /** Live events: applied to the active generation and to one being rebuilt, each event once per generation. */
    public void applyLive(List<ReceivedEvent> events) {
        for (int generation : generations.live()) {
            applyTo(generation, events);
        }
    }

    /** Applies the events a generation has not had yet; returns how many those were. */
    public int applyTo(int generation, List<ReceivedEvent> events) {
        if (events.isEmpty()) {
            return 0;
        }
        return entityManager.unwrap(Session.class)
                .doReturningWork(connection -> new LedgerBatch(connection, generation).write(events));
    }

    /** The time of receipt for events received now, in microseconds as PostgreSQL keeps them. */
    public Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    /** The three scope levels a movement counts in: company, its entity, its customer. */
    static List<String[]> levels(Movement movement) {
        return List.of(new String[] { ALL, ALL }, new String[] { movement.legalEntity(), ALL },
                new String[] { movement.legalEntity(), movement.customerId() });
    }

    static LocalDate toDate(Object value) {
        return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
    }

    /** A timestamptz as the JDBC driver or Hibernate hands it over. */
    public static Instant toInstant(Object value) {
        if (value == null || value instanceof Instant) {
            return (Instant) value;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
