package dev.steelyard.payments.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A refund or chargeback of a payment; its reference (refund or dispute id) makes it happen once. */
@Entity
@Table(name = "payment_reversal")
public class PaymentReversal extends PanacheEntityBase {

    /** Why money went back to the customer. */
    public enum Reason {
        REFUND, CHARGEBACK
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "payment_id")
    public UUID paymentId;

    public String reference;

    @Enumerated(EnumType.STRING)
    public Reason reason;

    public BigDecimal amount;

    @Column(name = "reversal_date")
    public LocalDate reversalDate;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    public static boolean exists(UUID paymentId, String reference) {
        return count("paymentId = ?1 and reference = ?2", paymentId, reference) > 0;
    }

    /** Total reversed so far for one reason, e.g. to turn Stripe's cumulative refunded amount into a new refund. */
    public static BigDecimal total(UUID paymentId, Reason reason) {
        BigDecimal total = getEntityManager().createQuery(
                "select sum(r.amount) from PaymentReversal r where r.paymentId = ?1 and r.reason = ?2", BigDecimal.class)
                .setParameter(1, paymentId).setParameter(2, reason).getSingleResult();
        return total == null ? BigDecimal.ZERO : total;
    }
}
