package dev.steelyard.collections.receivables;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An amount that settled an invoice (payment, credit note; positive) or was taken back (a
 * reversal; negative). Kept by invoice number so it counts even when it arrived first.
 */
@Entity
@Table(name = "receivable_adjustment")
public class ReceivableAdjustment extends PanacheEntityBase {

    public enum Kind {
        PAYMENT, CREDIT_NOTE, REVERSAL
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id")
    public String eventId;

    @Column(name = "legal_entity")
    public String legalEntity;

    @Column(name = "invoice_number")
    public String invoiceNumber;

    public String kind;

    /** The payment id or credit note number. */
    public String document;

    public BigDecimal amount;

    @Column(name = "value_date")
    public LocalDate valueDate;

    static void record(String eventId, String legalEntity, String invoiceNumber, Kind kind, String document,
            BigDecimal amount, LocalDate valueDate) {
        ReceivableAdjustment adjustment = new ReceivableAdjustment();
        adjustment.eventId = eventId;
        adjustment.legalEntity = legalEntity;
        adjustment.invoiceNumber = invoiceNumber;
        adjustment.kind = kind.name();
        adjustment.document = document;
        adjustment.amount = amount;
        adjustment.valueDate = valueDate;
        adjustment.persist();
    }

    static BigDecimal totalFor(String legalEntity, String invoiceNumber) {
        BigDecimal total = find("select coalesce(sum(a.amount), 0) from ReceivableAdjustment a "
                + "where a.legalEntity = ?1 and a.invoiceNumber = ?2", legalEntity, invoiceNumber)
                .project(BigDecimal.class).singleResult();
        return total == null ? BigDecimal.ZERO : total;
    }
}
