package dev.steelyard.payments.invoice;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import org.jboss.logging.Logger;

import dev.steelyard.chassis.events.IncomingEvent;
import dev.steelyard.chassis.money.Money;
import dev.steelyard.payments.allocation.CustomerLock;
import dev.steelyard.payments.events.CreditNoteIssued;
import dev.steelyard.payments.events.InvoiceCancelled;
import dev.steelyard.payments.events.InvoiceIssued;
import dev.steelyard.payments.unapplied.UnappliedCash;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Keeps the local copy of invoices from invoicing events, in whatever order they come: a
 * cancellation or credit note before its invoice waits for it, a replayed invoice changes nothing.
 * Runs inside the inbox transaction.
 */
@ApplicationScoped
public class InvoiceBook {

    private static final Logger LOG = Logger.getLogger(InvoiceBook.class);

    @Inject
    CustomerLock customerLock;

    @Inject
    UnappliedCash unappliedCash;

    @Inject
    Clock clock;

    public void apply(IncomingEvent event) {
        switch (event.type()) {
            case "InvoiceIssued.v1" -> invoiceIssued(event.data(InvoiceIssued.class));
            case "CreditNoteIssued.v1" -> creditNoteIssued(event.data(CreditNoteIssued.class));
            case "InvoiceCancelled.v1" -> invoiceCancelled(event.data(InvoiceCancelled.class));
            default -> {
                // Types this service does not use are skipped, so invoicing can add types freely.
            }
        }
    }

    void invoiceIssued(InvoiceIssued issued) {
        require(issued.legalEntity(), "legalEntity");
        require(issued.invoiceNumber(), "invoiceNumber");
        require(issued.customerId(), "customerId");
        require(issued.amount(), "amount");
        require(issued.currency(), "currency");
        require(issued.issueDate(), "issueDate");
        require(issued.dueDate(), "dueDate");
        Money amount = Money.of(issued.amount(), issued.currency());
        customerLock.lock(issued.legalEntity(), issued.customerId());
        if (OpenInvoice.findByNumber(issued.legalEntity(), issued.invoiceNumber()).isPresent()) {
            // A replay under another event id: the invoice may be paid by now and must not reopen.
            LOG.debugf("Invoice %s of %s is known already; replay ignored", issued.invoiceNumber(), issued.legalEntity());
            return;
        }
        OpenInvoice invoice = new OpenInvoice();
        invoice.legalEntity = issued.legalEntity();
        invoice.invoiceNumber = issued.invoiceNumber();
        invoice.matchKey = InvoiceNumbers.matchKey(issued.invoiceNumber());
        invoice.customerId = issued.customerId();
        invoice.currency = amount.currencyCode();
        invoice.amount = amount.amount();
        invoice.openAmount = amount.amount();
        invoice.issueDate = issued.issueDate();
        invoice.dueDate = issued.dueDate();
        invoice.cancelled = InvoiceCancellation.exists(issued.legalEntity(), issued.invoiceNumber());
        invoice.receivedAt = Instant.now(clock);
        earlyPaymentDiscount(invoice, issued.terms(), amount);
        if (invoice.cancelled) {
            invoice.openAmount = BigDecimal.ZERO;
        }
        for (CreditNote credit : CreditNote.waitingFor(invoice.legalEntity, invoice.invoiceNumber)) {
            lowerBy(invoice, credit);
        }
        invoice.persist();
        unappliedCash.invoiceArrived(invoice);
    }

    void creditNoteIssued(CreditNoteIssued issued) {
        require(issued.legalEntity(), "legalEntity");
        require(issued.creditNoteNumber(), "creditNoteNumber");
        require(issued.customerId(), "customerId");
        require(issued.amount(), "amount");
        require(issued.issueDate(), "issueDate");
        Money amount = Money.of(issued.amount(), issued.currency());
        customerLock.lock(issued.legalEntity(), issued.customerId());
        if (CreditNote.count("legalEntity = ?1 and creditNoteNumber = ?2", issued.legalEntity(),
                issued.creditNoteNumber()) > 0) {
            return;
        }
        CreditNote credit = new CreditNote();
        credit.legalEntity = issued.legalEntity();
        credit.creditNoteNumber = issued.creditNoteNumber();
        credit.customerId = issued.customerId();
        credit.invoiceNumber = issued.invoiceNumber();
        credit.currency = amount.currencyCode();
        credit.amount = amount.amount();
        credit.issueDate = issued.issueDate();
        credit.persist();
        if (credit.invoiceNumber != null) {
            OpenInvoice.findByNumber(credit.legalEntity, credit.invoiceNumber)
                    .ifPresent(invoice -> lowerBy(invoice, credit));
        }
    }

    void invoiceCancelled(InvoiceCancelled cancelled) {
        require(cancelled.legalEntity(), "legalEntity");
        require(cancelled.invoiceNumber(), "invoiceNumber");
        require(cancelled.customerId(), "customerId");
        require(cancelled.cancellationDate(), "cancellationDate");
        customerLock.lock(cancelled.legalEntity(), cancelled.customerId());
        if (InvoiceCancellation.exists(cancelled.legalEntity(), cancelled.invoiceNumber())) {
            return;
        }
        InvoiceCancellation cancellation = new InvoiceCancellation();
        cancellation.legalEntity = cancelled.legalEntity();
        cancellation.invoiceNumber = cancelled.invoiceNumber();
        cancellation.cancellationDate = cancelled.cancellationDate();
        cancellation.persist();
        OpenInvoice.findByNumber(cancelled.legalEntity(), cancelled.invoiceNumber()).ifPresent(invoice -> {
            // Cash already applied stays where it is (invoicing settles it with a credit note); no new cash goes to it.
            invoice.cancelled = true;
            invoice.openAmount = BigDecimal.ZERO;
        });
    }

    /** Discount terms: an explicit discount date and amount win; otherwise days and percent from the issue date. */
    private static void earlyPaymentDiscount(OpenInvoice invoice, InvoiceIssued.Terms terms, Money amount) {
        if (terms == null) {
            return;
        }
        LocalDate until = terms.discountDate() != null ? terms.discountDate()
                : terms.discountDays() != null ? invoice.issueDate.plusDays(terms.discountDays()) : null;
        Money discounted = null;
        if (terms.discountedAmount() != null) {
            discounted = Money.of(terms.discountedAmount(), amount.currencyCode());
        } else if (terms.discountPercent() != null) {
            BigDecimal factor = BigDecimal.valueOf(100).subtract(terms.discountPercent()).movePointLeft(2);
            // Half-even to the currency's minor unit, the chassis rounding for computed amounts.
            discounted = Money.rounded(amount.amount().multiply(factor), amount.currency());
        }
        if (until != null && discounted != null && discounted.compareTo(amount) < 0 && !discounted.isNegative()) {
            invoice.discountDate = until;
            invoice.discountedAmount = discounted.amount();
        }
    }

    private static void lowerBy(OpenInvoice invoice, CreditNote credit) {
        credit.applied = true;
        if (invoice.cancelled || !credit.currency.equals(invoice.currency)) {
            return;
        }
        Money open = invoice.open().minus(credit.amount());
        invoice.openAmount = open.isNegative() ? BigDecimal.ZERO : open.amount();
    }

    private static void require(Object value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("data." + field + " is missing");
        }
    }
}
