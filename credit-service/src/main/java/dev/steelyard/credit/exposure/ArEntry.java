package dev.steelyard.credit.exposure;

import java.math.BigDecimal;
import java.time.LocalDate;

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
 * One signed movement of a customer's open AR (an invoice adds, a credit note, cancellation or
 * payment takes away, a reversal adds back). Summing them gives open AR in any arrival order.
 */
@Entity
@Table(name = "ar_entry")
public class ArEntry extends PanacheEntityBase {

    /** What moved open AR. */
    public enum Kind {
        INVOICE, CREDIT_NOTE, CANCELLATION, PAYMENT, REVERSAL
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id")
    public String eventId;

    @Column(name = "legal_entity")
    public String legalEntity;

    @Column(name = "customer_id")
    public String customerId;

    public String currency;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    @Column(name = "invoice_number")
    public String invoiceNumber;

    @Column(name = "payment_id")
    public String paymentId;

    /** Positive raises open AR, negative lowers it. */
    public BigDecimal amount;

    @Column(name = "value_date")
    public LocalDate valueDate;

    public static void record(String eventId, String legalEntity, String customerId, String currency, Kind kind,
            String invoiceNumber, String paymentId, BigDecimal amount, LocalDate valueDate) {
        ArEntry entry = new ArEntry();
        entry.eventId = eventId;
        entry.legalEntity = legalEntity;
        entry.customerId = customerId;
        entry.currency = currency;
        entry.kind = kind;
        entry.invoiceNumber = invoiceNumber;
        entry.paymentId = paymentId;
        entry.amount = amount;
        entry.valueDate = valueDate;
        entry.persist();
    }
}
