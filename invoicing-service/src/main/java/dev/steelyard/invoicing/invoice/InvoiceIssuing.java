package dev.steelyard.invoicing.invoice;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.steelyard.chassis.money.Money;
import dev.steelyard.chassis.outbox.Outbox;
import dev.steelyard.chassis.web.ConflictException;
import dev.steelyard.chassis.web.InvalidInputException;
import dev.steelyard.chassis.web.Problem;
import dev.steelyard.invoicing.events.InvoiceIssued;
import dev.steelyard.invoicing.events.InvoicingTopic;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Records an invoice and its InvoiceIssued event in one transaction; replays return the original. */
@ApplicationScoped
public class InvoiceIssuing {

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /** The outcome of a post: the invoice and whether this call created it. */
    public record Outcome(Invoice invoice, boolean created) {
    }

    @Transactional
    public Outcome issue(NewInvoice request) {
        Money amount = validate(request);
        var existing = Invoice.findByNumber(request.legalEntity(), request.invoiceNumber());
        if (existing.isPresent()) {
            return new Outcome(sameAsRecorded(existing.get(), request, amount), false);
        }
        Invoice invoice = new Invoice();
        invoice.legalEntity = request.legalEntity();
        invoice.invoiceNumber = request.invoiceNumber();
        invoice.customerId = request.customerId();
        invoice.currency = amount.currencyCode();
        invoice.amount = amount.amount();
        invoice.issueDate = request.issueDate();
        invoice.dueDate = request.dueDate();
        invoice.createdAt = Instant.now(clock);
        invoice.persist();
        outbox.append(InvoicingTopic.NAME, Outbox.key(invoice.legalEntity, invoice.customerId),
                InvoicingTopic.INVOICE_ISSUED, invoice.invoiceNumber,
                new InvoiceIssued(invoice.legalEntity, invoice.invoiceNumber, invoice.customerId, invoice.currency,
                        amount.amount().toPlainString(), invoice.issueDate, invoice.dueDate));
        return new Outcome(invoice, true);
    }

    private static Money validate(NewInvoice request) {
        List<Problem.Violation> violations = new ArrayList<>();
        Money amount = null;
        try {
            amount = Money.of(request.amount(), request.currency());
        } catch (IllegalArgumentException e) {
            String field = e.getMessage().contains("currency") || e.getMessage().contains("minor unit") ? "currency"
                    : "amount";
            violations.add(new Problem.Violation(field, field.equals("currency") ? "iso-4217" : "minor-units",
                    e.getMessage()));
        }
        if (request.dueDate().isBefore(request.issueDate())) {
            violations.add(new Problem.Violation("dueDate", "not-before-issue-date",
                    "due date " + request.dueDate() + " is before issue date " + request.issueDate()));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return amount;
    }

    private static Invoice sameAsRecorded(Invoice recorded, NewInvoice request, Money amount) {
        List<String> differences = new ArrayList<>();
        compare(differences, "customerId", recorded.customerId, request.customerId());
        compare(differences, "currency", recorded.currency, amount.currencyCode());
        compare(differences, "amount", recorded.money().amount().toPlainString(), amount.amount().toPlainString());
        compare(differences, "issueDate", recorded.issueDate.toString(), request.issueDate().toString());
        compare(differences, "dueDate", recorded.dueDate.toString(), request.dueDate().toString());
        if (!differences.isEmpty()) {
            throw new ConflictException("Invoice " + recorded.invoiceNumber + " of " + recorded.legalEntity
                    + " was posted before with other content: " + String.join("; ", differences),
                    differences.get(0).substring(0, differences.get(0).indexOf(' ')));
        }
        return recorded;
    }

    private static void compare(List<String> differences, String field, String recorded, String posted) {
        if (!recorded.equals(posted)) {
            differences.add(field + " was " + recorded + ", now " + posted);
        }
    }
}
