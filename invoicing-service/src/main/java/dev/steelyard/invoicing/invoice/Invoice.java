package dev.steelyard.invoicing.invoice;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import dev.steelyard.chassis.money.Money;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An invoice as the ERP posted it; (legal entity, invoice number) is its natural key. */
@Entity
@Table(name = "invoice")
public class Invoice extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "legal_entity")
    public String legalEntity;

    @Column(name = "invoice_number")
    public String invoiceNumber;

    @Column(name = "customer_id")
    public String customerId;

    public String currency;

    public BigDecimal amount;

    @Column(name = "issue_date")
    public LocalDate issueDate;

    @Column(name = "due_date")
    public LocalDate dueDate;

    @Column(name = "created_at")
    public Instant createdAt;

    public static Optional<Invoice> findByNumber(String legalEntity, String invoiceNumber) {
        return find("legalEntity = ?1 and invoiceNumber = ?2", legalEntity, invoiceNumber).firstResultOptional();
    }

    public Money money() {
        return Money.of(amount, currency);
    }
}
