package dev.steelyard.collections.dunning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An invoice a dunning message named, with the open amount it named; unique per customer, level and invoice. */
@Entity
@Table(name = "dunning_message_item")
public class DunningMessageItem extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "message_id")
    public UUID messageId;

    @Column(name = "legal_entity")
    public String legalEntity;

    @Column(name = "customer_id")
    public String customerId;

    public int level;

    @Column(name = "invoice_number")
    public String invoiceNumber;

    public String currency;

    @Column(name = "open_amount")
    public BigDecimal openAmount;

    @Column(name = "days_past_due")
    public int daysPastDue;

    @Column(name = "due_date")
    public LocalDate dueDate;

    @Column(name = "as_of")
    public LocalDate asOf;

    /** The highest level the invoice was dunned at. */
    public static Optional<DunningMessageItem> lastFor(String legalEntity, String customerId, String invoiceNumber) {
        return find("legalEntity = ?1 and customerId = ?2 and invoiceNumber = ?3 order by level desc", legalEntity,
                customerId, invoiceNumber).firstResultOptional();
    }

    public static List<DunningMessageItem> of(UUID messageId) {
        return list("messageId = ?1 order by dueDate, invoiceNumber", messageId);
    }
}
