package dev.steelyard.credit.exposure;

import java.math.BigDecimal;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Cash a customer paid that is not yet applied to an invoice, per payment. */
@Entity
@Table(name = "unapplied_payment")
public class UnappliedPayment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "legal_entity")
    public String legalEntity;

    @Column(name = "payment_id")
    public String paymentId;

    @Column(name = "customer_id")
    public String customerId;

    public String currency;

    public BigDecimal unapplied;

    /** The payment's unapplied cash, created at zero when first seen. */
    public static UnappliedPayment of(String legalEntity, String paymentId, String customerId, String currency) {
        UnappliedPayment payment = find("legalEntity = ?1 and paymentId = ?2", legalEntity, paymentId).firstResult();
        if (payment == null) {
            payment = new UnappliedPayment();
            payment.legalEntity = legalEntity;
            payment.paymentId = paymentId;
            payment.customerId = customerId;
            payment.currency = currency;
            payment.unapplied = BigDecimal.ZERO;
            payment.persist();
        }
        return payment;
    }
}
