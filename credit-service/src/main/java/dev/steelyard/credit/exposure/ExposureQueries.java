package dev.steelyard.credit.exposure;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/** Sums of one customer's open AR, open orders and unapplied cash in the account's currency. */
@ApplicationScoped
public class ExposureQueries {

    @Inject
    EntityManager entityManager;

    public BigDecimal openAR(String legalEntity, String customerId, String currency) {
        return sum(query("""
                SELECT coalesce(sum(amount), 0) FROM ar_entry
                WHERE legal_entity = :entity AND customer_id = :customer AND currency = :currency""",
                legalEntity, customerId).setParameter("currency", currency));
    }

    /** Orders not cancelled, less what invoices carrying their reference already brought into AR. */
    public BigDecimal openOrders(String legalEntity, String customerId, String currency) {
        return sum(query("""
                SELECT coalesce(sum(greatest(o.amount - coalesce((SELECT sum(i.amount) FROM ar_invoice i
                    WHERE i.legal_entity = o.legal_entity AND i.order_reference = o.order_ref AND NOT i.cancelled), 0), 0)), 0)
                FROM sales_order o
                WHERE o.legal_entity = :entity AND o.customer_id = :customer AND o.currency = :currency
                  AND NOT o.cancelled""", legalEntity, customerId).setParameter("currency", currency));
    }

    /** What of one order is not yet invoiced (zero when unknown or cancelled). */
    public BigDecimal openOrderAmount(String legalEntity, String orderRef) {
        return sum(entityManager.createNativeQuery("""
                SELECT coalesce(sum(greatest(o.amount - coalesce((SELECT sum(i.amount) FROM ar_invoice i
                    WHERE i.legal_entity = o.legal_entity AND i.order_reference = o.order_ref AND NOT i.cancelled), 0), 0)), 0)
                FROM sales_order o WHERE o.legal_entity = :entity AND o.order_ref = :order AND NOT o.cancelled""")
                .setParameter("entity", legalEntity).setParameter("order", orderRef));
    }

    public BigDecimal unappliedCash(String legalEntity, String customerId, String currency) {
        return sum(query("""
                SELECT coalesce(sum(unapplied), 0) FROM unapplied_payment
                WHERE legal_entity = :entity AND customer_id = :customer AND currency = :currency""",
                legalEntity, customerId).setParameter("currency", currency));
    }

    /** Due date of the oldest invoice with an open amount; null when nothing is open. */
    public LocalDate oldestOpenDueDate(String legalEntity, String customerId) {
        Object due = query("""
                SELECT min(i.due_date) FROM ar_invoice i
                WHERE i.legal_entity = :entity AND i.customer_id = :customer AND NOT i.cancelled
                  AND (SELECT coalesce(sum(e.amount), 0) FROM ar_entry e
                       WHERE e.legal_entity = i.legal_entity AND e.invoice_number = i.invoice_number) > 0""",
                legalEntity, customerId).getSingleResult();
        return date(due);
    }

    static LocalDate date(Object value) {
        if (value instanceof java.sql.Date sqlDate) {
            return sqlDate.toLocalDate();
        }
        return (LocalDate) value;
    }

    private Query query(String sql, String legalEntity, String customerId) {
        return entityManager.createNativeQuery(sql).setParameter("entity", legalEntity)
                .setParameter("customer", customerId);
    }

    private static BigDecimal sum(Query query) {
        Object value = query.getSingleResult();
        return value == null ? BigDecimal.ZERO : new BigDecimal(value.toString());
    }
}
