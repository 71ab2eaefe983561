package dev.steelyard.credit.exposure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** credit-service's copy of an invoice: its due date and the sales order it fulfils. */
@Entity
@Table(name = "ar_invoice")
public class ArInvoice extends PanacheEntityBase {

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

    @Column(name = "order_reference")
    public String orderReference;

    public boolean cancelled;

    public static Optional<ArInvoice> findByNumber(String legalEntity, String invoiceNumber) {
        return find("legalEntity = ?1 and invoiceNumber = ?2", legalEntity, invoiceNumber).firstResultOptional();
    }
}
