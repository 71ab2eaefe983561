package dev.steelyard.payments.payment;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.steelyard.chassis.money.Money;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Money received from a customer, whichever channel brought it, and how much of it is not yet applied. */
@Entity
@Table(name = "payment")
public class Payment extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "legal_entity")
    public String legalEntity;

    @Column(name = "customer_id")
    public String customerId;

    public String currency;

    public BigDecimal amount;

    @Column(name = "unapplied_amount")
    public BigDecimal unappliedAmount;

    /** Refunded or charged back so far; never more than the amount. */
    @Column(name = "reversed_amount")
    public BigDecimal reversedAmount;

    @Column(name = "value_date")
    public LocalDate valueDate;

    public String method;

    /** The channel: stripe, standard, adyen or manual. */
    public String source;

    @Column(name = "gateway_transaction_id")
    public String gatewayTransactionId;

    /** Newline-separated, in the order the customer wrote them. */
    @Column(name = "remittance_references")
    public String remittanceReferences;

    @Column(name = "received_at")
    public Instant receivedAt;

    public static Optional<Payment> findByTransaction(String legalEntity, String gatewayTransactionId) {
        return find("legalEntity = ?1 and gatewayTransactionId = ?2", legalEntity, gatewayTransactionId)
                .firstResultOptional();
    }

    /** A gateway's own payment, found by its transaction id (a Stripe payment intent, an Adyen PSP reference). */
    public static Optional<Payment> findBySource(String source, String gatewayTransactionId) {
        return find("source = ?1 and gatewayTransactionId = ?2", source, gatewayTransactionId).firstResultOptional();
    }

    /** Payments of a customer with cash not yet applied, oldest value date first. */
    public static List<Payment> withUnappliedCash(String legalEntity, String customerId, String currency) {
        return list("legalEntity = ?1 and customerId = ?2 and currency = ?3 and unappliedAmount > 0 "
                + "order by valueDate, receivedAt, id", legalEntity, customerId, currency);
    }

    public List<String> references() {
        return remittanceReferences.isEmpty() ? List.of() : Arrays.asList(remittanceReferences.split("\n"));
    }

    public Money amount() {
        return Money.of(amount, currency);
    }

    public Money unapplied() {
        return Money.of(unappliedAmount, currency);
    }

    public Money reversed() {
        return Money.of(reversedAmount, currency);
    }

    /** Deterministic id, so a payment replayed from its source always gets the same id. */
    public static UUID idFor(String legalEntity, String gatewayTransactionId) {
        return UUID.nameUUIDFromBytes((legalEntity + "/" + gatewayTransactionId).getBytes(StandardCharsets.UTF_8));
    }
}
