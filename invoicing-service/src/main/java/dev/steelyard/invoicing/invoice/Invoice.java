package dev.steelyard.invoicing.invoice;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.steelyard.chassis.money.Money;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
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

    @Column(name = "customer_name")
    public String customerName;

    @Column(name = "customer_country")
    public String customerCountry;

    public String currency;

    @Column(name = "issue_date")
    public LocalDate issueDate;

    @Column(name = "due_date")
    public LocalDate dueDate;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "invoice_line", joinColumns = @JoinColumn(name = "invoice_id"))
    @OrderBy("lineNumber")
    public List<InvoiceLine> lines = new ArrayList<>();

    @Column(name = "net_amount")
    public BigDecimal netAmount;

    @Column(name = "tax_amount")
    public BigDecimal taxAmount;

    @Column(name = "gross_amount")
    public BigDecimal grossAmount;

    @Column(name = "terms_code")
    public String termsCode;

    @Column(name = "terms_type")
    public String termsType;

    @Column(name = "net_days")
    public Integer netDays;

    @Column(name = "discount_percent")
    public BigDecimal discountPercent;

    @Column(name = "discount_days")
    public Integer discountDays;

    @Column(name = "discount_date")
    public LocalDate discountDate;

    @Column(name = "discounted_amount")
    public BigDecimal discountedAmount;

    @Column(name = "purchase_order")
    public String purchaseOrder;

    @Column(name = "sales_order")
    public String salesOrder;

    @Column(name = "delivery_note")
    public String deliveryNote;

    @Column(name = "credited_amount")
    public BigDecimal creditedAmount = BigDecimal.ZERO;

    @Column(name = "settled_amount")
    public BigDecimal settledAmount = BigDecimal.ZERO;

    @Column(name = "open_amount")
    public BigDecimal openAmount;

    @Enumerated(EnumType.STRING)
    public InvoiceStatus status = InvoiceStatus.OPEN;

    @Column(name = "cancellation_date")
    public LocalDate cancellationDate;

    @Column(name = "cancellation_reason")
    public String cancellationReason;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Column(name = "created_at")
    public Instant createdAt;

    public static Optional<Invoice> findByNumber(String legalEntity, String invoiceNumber) {
        return find("legalEntity = ?1 and invoiceNumber = ?2", legalEntity, invoiceNumber).firstResultOptional();
    }

    public static Optional<Invoice> findByIdempotencyKey(String key) {
        return find("idempotencyKey", key).firstResultOptional();
    }

    public Money gross() {
        return money(grossAmount);
    }

    public Money open() {
        return money(openAmount);
    }

    public Money credited() {
        return money(creditedAmount);
    }

    public Money settled() {
        return money(settledAmount);
    }

    public Money money(BigDecimal amount) {
        return amount == null ? null : Money.of(amount, currency);
    }

    /** Recomputes the open amount and status after a credit note, a settlement or a cancellation. */
    public void refreshOpenAmount() {
        Money open = gross().minus(credited()).minus(settled());
        openAmount = open.amount();
        if (cancellationDate != null) {
            openAmount = BigDecimal.ZERO;
            status = InvoiceStatus.CANCELLED;
        } else if (!open.isPositive()) {
            status = InvoiceStatus.SETTLED;
        } else if (open.compareTo(gross()) < 0) {
            status = InvoiceStatus.PARTLY_SETTLED;
        } else {
            status = InvoiceStatus.OPEN;
        }
    }
}
