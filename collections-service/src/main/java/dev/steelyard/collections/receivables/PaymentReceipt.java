package dev.steelyard.collections.receivables;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Money a customer paid, applied to invoices or not (negative when reversed). A promise to pay
 * is kept by money, whether or not cash application has matched it to an invoice yet.
 */
@Entity
@Table(name = "payment_receipt")
public class PaymentReceipt extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id")
    public String eventId;

    @Column(name = "legal_entity")
    public String legalEntity;

    @Column(name = "customer_id")
    public String customerId;

    @Column(name = "payment_id")
    public String paymentId;

    public String currency;

    public BigDecimal amount;

    @Column(name = "value_date")
    public LocalDate valueDate;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    /** What the customer paid in the currency, learnt after {@code since} and dated no later than {@code by}. */
    public static BigDecimal paidSince(String legalEntity, String customerId, String currency, Instant since,
            LocalDate by) {
        BigDecimal total = find("select coalesce(sum(p.amount), 0) from PaymentReceipt p where p.legalEntity = ?1 "
                + "and p.customerId = ?2 and p.currency = ?3 and p.recordedAt >= ?4 and p.valueDate <= ?5",
                legalEntity, customerId, currency, since, by).project(BigDecimal.class).singleResult();
        return total == null ? BigDecimal.ZERO : total;
    }
}
