package dev.steelyard.payments.invoice;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import dev.steelyard.chassis.money.Money;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * This service's copy of an invoice, built from invoicing events: what is still open and the
 * early-payment discount it offers. The allocation ledger is the proof of every change to the open amount.
 */
@Entity
@Table(name = "open_invoice")
public class OpenInvoice extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "legal_entity")
    public String legalEntity;

    @Column(name = "invoice_number")
    public String invoiceNumber;

    /** The invoice number as remittance references are compared with it (see {@link InvoiceNumbers}). */
    @Column(name = "match_key")
    public String matchKey;

    @Column(name = "customer_id")
    public String customerId;

    public String currency;

    public BigDecimal amount;

    @Column(name = "open_amount")
    public BigDecimal openAmount;

    @Column(name = "issue_date")
    public LocalDate issueDate;

    @Column(name = "due_date")
    public LocalDate dueDate;

    @Column(name = "discount_date")
    public LocalDate discountDate;

    @Column(name = "discounted_amount")
    public BigDecimal discountedAmount;

    public boolean cancelled;

    @Column(name = "received_at")
    public Instant receivedAt;

    public static Optional<OpenInvoice> findByNumber(String legalEntity, String invoiceNumber) {
        return find("legalEntity = ?1 and invoiceNumber = ?2", legalEntity, invoiceNumber).firstResultOptional();
    }

    /** The customer's invoices whose number matches a remittance reference. */
    public static List<OpenInvoice> findByMatchKey(String legalEntity, String customerId, String matchKey) {
        return list("legalEntity = ?1 and customerId = ?2 and matchKey = ?3 order by issueDate, invoiceNumber",
                legalEntity, customerId, matchKey);
    }

    /** Open invoices of a customer in one currency, earliest due first: the order of OLDEST_DUE_FIRST. */
    public static List<OpenInvoice> openOf(String legalEntity, String customerId, String currency) {
        return list("legalEntity = ?1 and customerId = ?2 and currency = ?3 and openAmount > 0 and cancelled = false "
                + "order by dueDate, issueDate, invoiceNumber", legalEntity, customerId, currency);
    }

    public Money amount() {
        return Money.of(amount, currency);
    }

    public Money open() {
        return Money.of(openAmount, currency);
    }

    public boolean isOpen() {
        return !cancelled && openAmount.signum() > 0;
    }

    /** Lowers (or, for a reversal, raises) what the customer still owes. */
    public void settle(Money settled) {
        openAmount = open().minus(settled).amount();
    }

    /**
     * The discounted amount when a payment of this value date may take the early-payment
     * discount: only inside the window and only on an invoice nothing has been applied to yet.
     */
    public Optional<Money> discountedAmountFor(LocalDate valueDate) {
        if (discountDate == null || discountedAmount == null || valueDate.isAfter(discountDate)
                || openAmount.compareTo(amount) != 0) {
            return Optional.empty();
        }
        return Optional.of(Money.of(discountedAmount, currency));
    }

    /** What a payment of this value date must bring to settle the invoice in full. */
    public Money dueOn(LocalDate valueDate) {
        return discountedAmountFor(valueDate).orElse(open());
    }
}
