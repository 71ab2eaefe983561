package dev.steelyard.payments.allocation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.steelyard.chassis.money.Money;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One line of the cash-application ledger: cash of a payment applied to an invoice, with the
 * discount and write-off it settled. Reversals are negative lines; lines are never changed.
 */
@Entity
@Table(name = "allocation")
public class Allocation extends PanacheEntityBase {

    /** When the line was written. */
    public enum Kind {
        /** Applied when the payment was received. */
        AT_RECEIPT,
        /** Applied later from unapplied cash (invoice arrived later, or applied through the API). */
        LATER,
        /** Takes back an earlier line because of a refund or chargeback. */
        REVERSAL
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "payment_id")
    public UUID paymentId;

    @Column(name = "legal_entity")
    public String legalEntity;

    @Column(name = "customer_id")
    public String customerId;

    @Column(name = "invoice_number")
    public String invoiceNumber;

    public String currency;

    /** Cash applied. */
    public BigDecimal amount;

    public BigDecimal discount;

    @Column(name = "write_off")
    public BigDecimal writeOff;

    /** The payment's value date, or the invoice's issue date when that is later. */
    @Column(name = "value_date")
    public LocalDate valueDate;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    public static List<Allocation> ofPayment(UUID paymentId) {
        return list("paymentId = ?1 order by id", paymentId);
    }

    public Money cash() {
        return Money.of(amount, currency);
    }

    public Money discount() {
        return Money.of(discount, currency);
    }

    public Money writeOff() {
        return Money.of(writeOff, currency);
    }

    /** What the line takes off the invoice: cash, discount and write-off together. */
    public Money settled() {
        return cash().plus(discount()).plus(writeOff());
    }
}
