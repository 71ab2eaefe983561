package dev.steelyard.invoicing.creditnote;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A credit note, against one invoice or unallocated for the customer. */
@Entity
@Table(name = "credit_note")
public class CreditNote extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "legal_entity")
    public String legalEntity;

    @Column(name = "credit_note_number")
    public String creditNoteNumber;

    @Column(name = "customer_id")
    public String customerId;

    public String currency;

    public BigDecimal amount;

    @Column(name = "issue_date")
    public LocalDate issueDate;

    @Column(name = "invoice_number")
    public String invoiceNumber;

    public String reason;

    @Column(name = "created_at")
    public Instant createdAt;

    public static Optional<CreditNote> findByNumber(String legalEntity, String creditNoteNumber) {
        return find("legalEntity = ?1 and creditNoteNumber = ?2", legalEntity, creditNoteNumber).firstResultOptional();
    }
}
