package dev.steelyard.kpi.receivables;

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

/** One movement of a receivable on its business date: an invoice raises it, payments and credits lower it. */
@Entity
@Table(name = "ar_entry")
public class ArEntry extends PanacheEntityBase {

    /** What moved the receivable. */
    public enum Kind {
        INVOICE
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

    @Column(name = "invoice_number")
    public String invoiceNumber;

    public String currency;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Kind kind;

    public BigDecimal amount;

    @Column(name = "business_date")
    public LocalDate businessDate;

    @Column(name = "due_date")
    public LocalDate dueDate;

    @Column(name = "received_at")
    public Instant receivedAt;
}
