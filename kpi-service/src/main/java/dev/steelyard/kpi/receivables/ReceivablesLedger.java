package dev.steelyard.kpi.receivables;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.hibernate.query.TypedParameterValue;
import org.hibernate.type.StandardBasicTypes;

import dev.steelyard.chassis.events.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Writes an event's movements into a projection generation: the ledger rows, the daily
 * pre-aggregates of the three scope levels (also split by hour of receipt, for "as known at") and
 * the open spans of the invoices touched, now and as known before. Runs inside the caller's
 * transaction (the inbox's, or a rebuild's).
 */
@ApplicationScoped
public class ReceivablesLedger {

    /** Scope level marker for "all entities" or "all customers" in daily_balance. */
    public static final String ALL = "*";

    @Inject
    Clock clock;

    @Inject
    EntityManager entityManager;

    @Inject
    ProjectionGenerations generations;

    /** A live event: applied to the active generation and to one being rebuilt, once each. */
    public void apply(IncomingEvent event) {
        List<Movement> movements = ArMovements.of(event);
        // Microseconds, as PostgreSQL keeps them, so what is stored compares exactly with what was computed.
        Instant receivedAt = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        for (int generation : generations.live()) {
            applyTo(generation, event.id(), movements, receivedAt);
        }
    }

    /** Applies movements once per generation and event id; false when the generation had the event already. */
    public boolean applyTo(int generation, String eventId, List<Movement> movements, Instant receivedAt) {
        int first = entityManager.createNativeQuery("""
                INSERT INTO projected_event (generation, event_id, received_at) VALUES (:g, :id, :at)
                ON CONFLICT DO NOTHING""")
                .setParameter("g", generation).setParameter("id", eventId).setParameter("at", receivedAt)
                .executeUpdate();
        if (first == 0) {
            return false;
        }
        Set<String> invoices = new LinkedHashSet<>();
        for (int line = 0; line < movements.size(); line++) {
            Movement movement = movements.get(line);
            insertEntry(generation, eventId, line, movement, receivedAt);
            Instant receivedHour = receivedAt.truncatedTo(ChronoUnit.HOURS);
            for (String[] level : levels(movement)) {
                addToDay(generation, level[0], level[1], movement);
                addToKnownDay(generation, level[0], level[1], movement, receivedHour);
            }
            if (movement.invoiceNumber() != null) {
                invoices.add(movement.legalEntity() + "\u0000" + movement.invoiceNumber());
            }
        }
        for (String invoice : invoices) {
            String[] key = invoice.split("\u0000", 2);
            refreshOpenItem(generation, key[0], key[1]);
        }
        return true;
    }

    private void insertEntry(int generation, String eventId, int line, Movement movement, Instant receivedAt) {
        entityManager.createNativeQuery("""
                INSERT INTO ar_entry (generation, event_id, line, legal_entity, customer_id, invoice_number, document,
                    currency, kind, ar_change, sales_change, unapplied_cash_change, unallocated_credit_change,
                    business_date, due_date, received_at)
                VALUES (:g, :event, :line, :entity, :customer, :invoice, :document, :currency, :kind, :ar, :sales,
                    :unapplied, :credit, :date, :due, :at)""")
                .setParameter("g", generation).setParameter("event", eventId).setParameter("line", line)
                .setParameter("entity", movement.legalEntity()).setParameter("customer", movement.customerId())
                .setParameter("invoice", text(movement.invoiceNumber())).setParameter("document", movement.document())
                .setParameter("currency", movement.currency()).setParameter("kind", movement.kind().name())
                .setParameter("ar", movement.arChange()).setParameter("sales", movement.salesChange())
                .setParameter("unapplied", movement.unappliedCashChange())
                .setParameter("credit", movement.unallocatedCreditChange())
                .setParameter("date", movement.businessDate())
                .setParameter("due", date(movement.dueDate()))
                .setParameter("at", receivedAt)
                .executeUpdate();
    }

    private void addToDay(int generation, String entity, String customer, Movement movement) {
        entityManager.createNativeQuery("""
                INSERT INTO daily_balance (generation, legal_entity, customer_id, currency, day, ar_change,
                    sales_change, unapplied_cash_change, unallocated_credit_change)
                VALUES (:g, :entity, :customer, :currency, :day, :ar, :sales, :unapplied, :credit)
                ON CONFLICT (generation, legal_entity, customer_id, currency, day) DO UPDATE SET
                    ar_change = daily_balance.ar_change + EXCLUDED.ar_change,
                    sales_change = daily_balance.sales_change + EXCLUDED.sales_change,
                    unapplied_cash_change = daily_balance.unapplied_cash_change + EXCLUDED.unapplied_cash_change,
                    unallocated_credit_change = daily_balance.unallocated_credit_change
                        + EXCLUDED.unallocated_credit_change""")
                .setParameter("g", generation).setParameter("entity", entity).setParameter("customer", customer)
                .setParameter("currency", movement.currency()).setParameter("day", movement.businessDate())
                .setParameter("ar", movement.arChange()).setParameter("sales", movement.salesChange())
                .setParameter("unapplied", movement.unappliedCashChange())
                .setParameter("credit", movement.unallocatedCreditChange())
                .executeUpdate();
    }

    private void addToKnownDay(int generation, String entity, String customer, Movement movement,
            Instant receivedHour) {
        entityManager.createNativeQuery("""
                INSERT INTO known_daily_balance (generation, legal_entity, customer_id, currency, day, received_hour,
                    ar_change, sales_change, unapplied_cash_change, unallocated_credit_change)
                VALUES (:g, :entity, :customer, :currency, :day, :hour, :ar, :sales, :unapplied, :credit)
                ON CONFLICT (generation, legal_entity, customer_id, currency, day, received_hour) DO UPDATE SET
                    ar_change = known_daily_balance.ar_change + EXCLUDED.ar_change,
                    sales_change = known_daily_balance.sales_change + EXCLUDED.sales_change,
                    unapplied_cash_change = known_daily_balance.unapplied_cash_change + EXCLUDED.unapplied_cash_change,
                    unallocated_credit_change = known_daily_balance.unallocated_credit_change
                        + EXCLUDED.unallocated_credit_change""")
                .setParameter("g", generation).setParameter("entity", entity).setParameter("customer", customer)
                .setParameter("currency", movement.currency()).setParameter("day", movement.businessDate())
                .setParameter("hour", receivedHour)
                .setParameter("ar", movement.arChange()).setParameter("sales", movement.salesChange())
                .setParameter("unapplied", movement.unappliedCashChange())
                .setParameter("credit", movement.unallocatedCreditChange())
                .executeUpdate();
    }

    /** The three scope levels a movement counts in: company, its entity, its customer. */
    private static List<String[]> levels(Movement movement) {
        return List.of(new String[] { ALL, ALL }, new String[] { movement.legalEntity(), ALL },
                new String[] { movement.legalEntity(), movement.customerId() });
    }

    /**
     * Recomputes the invoice's open span as known now and as known at every earlier time (see
     * {@link OpenSpans}). Movements of one invoice are few, so this stays cheap however long the
     * history grows.
     */
    private void refreshOpenItem(int generation, String entity, String invoice) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT received_at, business_date, ar_change FROM ar_entry
                WHERE generation = :g AND legal_entity = :entity AND invoice_number = :invoice""")
                .setParameter("g", generation).setParameter("entity", entity).setParameter("invoice", invoice)
                .getResultList();
        List<OpenSpans.Entry> entries = new ArrayList<>();
        for (Object[] row : rows) {
            entries.add(new OpenSpans.Entry(toInstant(row[0]), toDate(row[1]), (BigDecimal) row[2]));
        }
        List<OpenSpans.Version> versions = OpenSpans.versions(entries);
        OpenSpans.Version current = versions.get(versions.size() - 1);
        entityManager.createNativeQuery("""
                INSERT INTO open_item (generation, legal_entity, invoice_number, open_span, known_since)
                VALUES (:g, :entity, :invoice, daterange(:first, :closed, '[)'), :since)
                ON CONFLICT (generation, legal_entity, invoice_number) DO UPDATE SET open_span = EXCLUDED.open_span,
                    known_since = EXCLUDED.known_since""")
                .setParameter("g", generation).setParameter("entity", entity).setParameter("invoice", invoice)
                .setParameter("first", current.first()).setParameter("closed", date(current.closed()))
                .setParameter("since", current.knownFrom())
                .executeUpdate();
        entityManager.createNativeQuery("""
                DELETE FROM open_item_history WHERE generation = :g AND legal_entity = :entity
                    AND invoice_number = :invoice""")
                .setParameter("g", generation).setParameter("entity", entity).setParameter("invoice", invoice)
                .executeUpdate();
        for (OpenSpans.Version version : versions.subList(0, versions.size() - 1)) {
            if (version.isEmpty()) {
                continue;
            }
            double[] box = version.knownBox();
            entityManager.createNativeQuery("""
                    INSERT INTO open_item_history (generation, legal_entity, invoice_number, known_from, known_until,
                        open_span, known_box)
                    VALUES (:g, :entity, :invoice, :from, :until, daterange(:first, :closed, '[)'),
                        box(point(:x1, :y1), point(:x2, :y2)))""")
                    .setParameter("g", generation).setParameter("entity", entity).setParameter("invoice", invoice)
                    .setParameter("from", version.knownFrom()).setParameter("until", version.knownUntil())
                    .setParameter("first", version.first()).setParameter("closed", date(version.closed()))
                    .setParameter("x1", box[0]).setParameter("y1", box[1]).setParameter("x2", box[2])
                    .setParameter("y2", box[3])
                    .executeUpdate();
        }
    }

    /** Typed so that a null date still binds as a date. */
    static TypedParameterValue<LocalDate> date(LocalDate value) {
        return new TypedParameterValue<>(StandardBasicTypes.LOCAL_DATE, value);
    }

    static TypedParameterValue<String> text(String value) {
        return new TypedParameterValue<>(StandardBasicTypes.STRING, value);
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
