package dev.steelyard.kpi.receivables;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
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
 * pre-aggregates of the three scope levels and the open spans of the invoices touched. Runs inside
 * the caller's transaction (the inbox's, or a rebuild's).
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
        Instant receivedAt = Instant.now(clock);
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
            addToDay(generation, ALL, ALL, movement);
            addToDay(generation, movement.legalEntity(), ALL, movement);
            addToDay(generation, movement.legalEntity(), movement.customerId(), movement);
            if (movement.invoiceNumber() != null) {
                invoices.add(movement.legalEntity() + "\u0000" + movement.invoiceNumber());
            }
        }
        for (String invoice : invoices) {
            String[] key = invoice.split("\u0000", 2);
            refreshOpenSpan(generation, key[0], key[1]);
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

    /**
     * Recomputes the span of days on which the invoice may be open: from its first movement to the
     * day its open amount last fell to zero (open-ended while it is still open). Movements of one
     * invoice are few, so this stays cheap however long the history grows.
     */
    private void refreshOpenSpan(int generation, String entity, String invoice) {
        @SuppressWarnings("unchecked")
        List<Object[]> days = entityManager.createNativeQuery("""
                SELECT business_date, sum(ar_change) FROM ar_entry
                WHERE generation = :g AND legal_entity = :entity AND invoice_number = :invoice
                GROUP BY business_date ORDER BY business_date""")
                .setParameter("g", generation).setParameter("entity", entity).setParameter("invoice", invoice)
                .getResultList();
        LocalDate first = toDate(days.get(0)[0]);
        BigDecimal balance = BigDecimal.ZERO;
        LocalDate closed = null;
        for (Object[] day : days) {
            balance = balance.add((BigDecimal) day[1]);
            closed = balance.signum() == 0 ? (closed == null ? toDate(day[0]) : closed) : null;
        }
        entityManager.createNativeQuery("""
                INSERT INTO open_item (generation, legal_entity, invoice_number, open_span)
                VALUES (:g, :entity, :invoice, daterange(:first, :closed, '[)'))
                ON CONFLICT (generation, legal_entity, invoice_number) DO UPDATE SET open_span = EXCLUDED.open_span""")
                .setParameter("g", generation).setParameter("entity", entity).setParameter("invoice", invoice)
                .setParameter("first", first).setParameter("closed", date(closed))
                .executeUpdate();
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
}
