package dev.steelyard.credit.score;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import dev.steelyard.credit.financials.FinancialStatement;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** Gathers one customer's payment history, promises, disputes and statements, and scores them. */
@ApplicationScoped
public class Scoring {

    /** The score and the limit it recommends. */
    public record Assessment(CreditScore score, BigDecimal recommendedLimit) {
    }

    @Inject
    EntityManager entityManager;

    public Assessment assess(String legalEntity, String customerId, String currency, LocalDate asOf) {
        PaymentBehaviour payment = PaymentBehaviour.of(payments(legalEntity, customerId, asOf),
                (int) BrokenPromise.count("legalEntity = ?1 and customerId = ?2 and promisedDate > ?3", legalEntity,
                        customerId, asOf.minusMonths(12)),
                (int) Dispute.count("legalEntity = ?1 and customerId = ?2 and resolved = false", legalEntity, customerId),
                asOf);
        Optional<FinancialStatement> statement = FinancialStatement.latest(legalEntity, customerId);
        CreditScore score = CreditScore.of(payment, statement.map(FinancialStatement::zPrime).orElse(null));
        BigDecimal recommended = RecommendedLimit.of(invoicedLast12Months(legalEntity, customerId, currency, asOf),
                statement.map(s -> s.bookEquity).orElse(null), score.riskClass());
        return new Assessment(score, recommended);
    }

    /** Settlements of known invoices; payments reversed since do not count. */
    @SuppressWarnings("unchecked")
    List<PaymentRecord> payments(String legalEntity, String customerId, LocalDate asOf) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT -e.amount, e.value_date, i.due_date FROM ar_entry e
                JOIN ar_invoice i ON i.legal_entity = e.legal_entity AND i.invoice_number = e.invoice_number
                WHERE e.legal_entity = :entity AND e.customer_id = :customer AND e.kind = 'PAYMENT'
                  AND e.value_date > :from AND e.value_date <= :asOf
                  AND e.payment_id NOT IN (SELECT r.payment_id FROM ar_entry r WHERE r.legal_entity = e.legal_entity
                      AND r.customer_id = e.customer_id AND r.kind = 'REVERSAL')""")
                .setParameter("entity", legalEntity).setParameter("customer", customerId)
                .setParameter("from", asOf.minusMonths(24)).setParameter("asOf", asOf).getResultList();
        return rows.stream().map(row -> new PaymentRecord(new BigDecimal(row[0].toString()), date(row[1]),
                date(row[2]))).toList();
    }

    BigDecimal invoicedLast12Months(String legalEntity, String customerId, String currency, LocalDate asOf) {
        if (currency == null) {
            return BigDecimal.ZERO;
        }
        Object sum = entityManager.createNativeQuery("""
                SELECT coalesce(sum(amount), 0) FROM ar_invoice
                WHERE legal_entity = :entity AND customer_id = :customer AND currency = :currency AND NOT cancelled
                  AND issue_date > :from AND issue_date <= :asOf""")
                .setParameter("entity", legalEntity).setParameter("customer", customerId)
                .setParameter("currency", currency).setParameter("from", asOf.minusMonths(12))
                .setParameter("asOf", asOf).getSingleResult();
        return new BigDecimal(sum.toString());
    }

    private static LocalDate date(Object value) {
        return value instanceof java.sql.Date sqlDate ? sqlDate.toLocalDate() : (LocalDate) value;
    }
}
