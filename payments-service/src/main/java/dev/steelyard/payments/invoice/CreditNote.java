package dev.steelyard.payments.invoice;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import dev.steelyard.chassis.money.Money;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * A credit note from invoicing. One for an invoice lowers that invoice's open amount (at once, or
 * when the invoice arrives); one without an invoice is the customer's credit, kept for the record.
 */
@Entity
@Table(name = "credit_note")
@IdClass(CreditNote.Key.class)
public class CreditNote extends PanacheEntityBase {

    @Id
    @Column(name = "legal_entity")
    public String legalEntity;

    @Id
    @Column(name = "credit_note_number")
    public String creditNoteNumber;

    @Column(name = "customer_id")
    public String customerId;

    @Column(name = "invoice_number")
    public String invoiceNumber;

    public String currency;

    public BigDecimal amount;

    @Column(name = "issue_date")
    public LocalDate issueDate;

    /** Whether the credit has lowered its invoice already. */
    public boolean applied;

    public static List<CreditNote> waitingFor(String legalEntity, String invoiceNumber) {
        return list("legalEntity = ?1 and invoiceNumber = ?2 and applied = false", legalEntity, invoiceNumber);
    }

    public Money amount() {
        return Money.of(amount, currency);
    }

    /** Composite key: legal entity and credit note number. */
    public static class Key implements Serializable {
        public String legalEntity;
        public String creditNoteNumber;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(legalEntity, key.legalEntity)
                    && Objects.equals(creditNoteNumber, key.creditNoteNumber);
        }

        @Override
        public int hashCode() {
            return Objects.hash(legalEntity, creditNoteNumber);
        }
    }
}
