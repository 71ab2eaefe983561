package dev.steelyard.invoicing.invoice;

import java.time.LocalDate;

import dev.steelyard.chassis.money.Money;
import dev.steelyard.chassis.outbox.Outbox;
import dev.steelyard.chassis.web.ConflictException;
import dev.steelyard.chassis.web.InvalidInputException;
import dev.steelyard.invoicing.events.InvoiceCancelled;
import dev.steelyard.invoicing.events.InvoicingTopic;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Cancels an invoice that nothing has settled or credited yet; otherwise a credit note is the way. */
@ApplicationScoped
public class InvoiceCancellation {

    @Inject
    Outbox outbox;

    @Transactional
    public Invoice cancel(Invoice invoice, LocalDate cancellationDate, String reason) {
        invoice = Invoice.findById(invoice.id);
        if (invoice.status == InvoiceStatus.CANCELLED) {
            if (invoice.cancellationDate.equals(cancellationDate)) {
                return invoice;
            }
            throw new ConflictException("Invoice " + invoice.invoiceNumber + " was cancelled as of "
                    + invoice.cancellationDate, "cancellationDate");
        }
        if (!invoice.settled().isZero()) {
            throw new ConflictException("Invoice " + invoice.invoiceNumber + " has payments of "
                    + invoice.settled().amount() + " " + invoice.currency
                    + "; it cannot be cancelled: issue a credit note for the open amount "
                    + invoice.open().amount() + " instead");
        }
        if (!invoice.credited().isZero()) {
            throw new ConflictException("Invoice " + invoice.invoiceNumber + " has credit notes of "
                    + invoice.credited().amount() + " " + invoice.currency
                    + "; it cannot be cancelled: issue a credit note for the open amount "
                    + invoice.open().amount() + " instead");
        }
        if (cancellationDate.isBefore(invoice.issueDate)) {
            throw new InvalidInputException("cancellationDate", "not-before-issue-date", "cancellation date "
                    + cancellationDate + " is before the issue date " + invoice.issueDate);
        }
        Money gross = invoice.gross();
        invoice.cancellationDate = cancellationDate;
        invoice.cancellationReason = reason;
        invoice.refreshOpenAmount();
        outbox.append(InvoicingTopic.NAME, Outbox.key(invoice.legalEntity, invoice.customerId),
                InvoicingTopic.INVOICE_CANCELLED, invoice.invoiceNumber,
                new InvoiceCancelled(invoice.legalEntity, invoice.invoiceNumber, invoice.customerId, invoice.currency,
                        gross.amount().toPlainString(), cancellationDate, reason));
        return invoice;
    }
}
