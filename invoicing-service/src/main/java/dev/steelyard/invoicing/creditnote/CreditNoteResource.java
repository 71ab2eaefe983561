package dev.steelyard.invoicing.creditnote;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.steelyard.chassis.money.Money;
import dev.steelyard.chassis.outbox.Outbox;
import dev.steelyard.chassis.security.EntityScope;
import dev.steelyard.chassis.security.Roles;
import dev.steelyard.chassis.web.ConflictException;
import dev.steelyard.chassis.web.InvalidInputException;
import dev.steelyard.chassis.web.MoneyInput;
import dev.steelyard.invoicing.events.CreditNoteIssued;
import dev.steelyard.invoicing.events.InvoicingTopic;
import dev.steelyard.invoicing.invoice.Invoice;
import dev.steelyard.invoicing.invoice.InvoiceStatus;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Credit notes from the ERP: each reduces its invoice's open amount once and only once. */
@Path("/credit-notes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CreditNoteResource {

    /** The body of {@code POST /credit-notes}; without invoiceNumber it is unallocated credit. */
    public record NewCreditNote(@NotBlank @Size(max = 32) String legalEntity,
            @NotBlank @Size(max = 64) String creditNoteNumber, @NotBlank @Size(max = 64) String customerId,
            @NotBlank String currency, @NotNull @Positive BigDecimal amount, @NotNull LocalDate issueDate,
            @Size(max = 64) String invoiceNumber, @NotBlank @Size(max = 500) String reason) {
    }

    /** A credit note as the API shows it. */
    public record CreditNoteView(String legalEntity, String creditNoteNumber, String customerId, String currency,
            String amount, LocalDate issueDate, String invoiceNumber, String reason, String invoiceOpenAmount,
            InvoiceStatus invoiceStatus) {
    }

    @Inject
    Outbox outbox;

    @Inject
    EntityScope scope;

    @Inject
    Clock clock;

    @POST
    @RolesAllowed(Roles.ERP)
    @Transactional
    public Response post(@Valid @NotNull NewCreditNote request) {
        scope.requireVisible(request.legalEntity(), "Legal entity " + request.legalEntity());
        Money amount = MoneyInput.of("amount", request.amount(), request.currency());
        var existing = CreditNote.findByNumber(request.legalEntity(), request.creditNoteNumber());
        if (existing.isPresent()) {
            return Response.ok(view(sameAsRecorded(existing.get(), request, amount))).build();
        }
        Invoice invoice = request.invoiceNumber() == null ? null : creditedInvoice(request, amount);

        CreditNote note = new CreditNote();
        note.legalEntity = request.legalEntity();
        note.creditNoteNumber = request.creditNoteNumber();
        note.customerId = request.customerId();
        note.currency = amount.currencyCode();
        note.amount = amount.amount();
        note.issueDate = request.issueDate();
        note.invoiceNumber = request.invoiceNumber();
        note.reason = request.reason();
        note.createdAt = Instant.now(clock);
        note.persist();
        if (invoice != null) {
            invoice.creditedAmount = invoice.credited().plus(amount).amount();
            invoice.refreshOpenAmount();
        }
        outbox.append(InvoicingTopic.NAME, Outbox.key(note.legalEntity, note.customerId),
                InvoicingTopic.CREDIT_NOTE_ISSUED, note.creditNoteNumber,
                new CreditNoteIssued(note.legalEntity, note.creditNoteNumber, note.customerId, note.currency,
                        amount.amount().toPlainString(), note.issueDate, note.invoiceNumber, note.reason));
        return Response.created(URI.create("/credit-notes/" + note.legalEntity + "/" + note.creditNoteNumber))
                .entity(view(note)).build();
    }

    private static Invoice creditedInvoice(NewCreditNote request, Money amount) {
        Invoice invoice = Invoice.findByNumber(request.legalEntity(), request.invoiceNumber())
                .orElseThrow(() -> new InvalidInputException("invoiceNumber", "known-invoice",
                        "invoice " + request.invoiceNumber() + " of " + request.legalEntity() + " is not known"));
        if (!invoice.customerId.equals(request.customerId())) {
            throw new InvalidInputException("customerId", "invoice-customer",
                    "invoice " + invoice.invoiceNumber + " belongs to customer " + invoice.customerId);
        }
        if (!invoice.currency.equals(amount.currencyCode())) {
            throw new InvalidInputException("currency", "invoice-currency",
                    "invoice " + invoice.invoiceNumber + " is in " + invoice.currency);
        }
        if (invoice.status == InvoiceStatus.CANCELLED) {
            throw new ConflictException("Invoice " + invoice.invoiceNumber + " is cancelled; it cannot be credited",
                    "invoiceNumber");
        }
        if (amount.compareTo(invoice.open()) > 0) {
            throw new InvalidInputException("amount", "not-above-open-amount", "credit of " + amount.amount()
                    + " exceeds the open amount " + invoice.open().amount() + " of invoice " + invoice.invoiceNumber);
        }
        if (request.issueDate().isBefore(invoice.issueDate)) {
            throw new InvalidInputException("issueDate", "not-before-invoice", "credit note date " + request.issueDate()
                    + " is before the invoice's issue date " + invoice.issueDate);
        }
        return invoice;
    }

    private static CreditNote sameAsRecorded(CreditNote recorded, NewCreditNote request, Money amount) {
        List<String> differences = new ArrayList<>();
        compare(differences, "customerId", recorded.customerId, request.customerId());
        compare(differences, "currency", recorded.currency, amount.currencyCode());
        compare(differences, "amount", Money.of(recorded.amount, recorded.currency).amount().toPlainString(),
                amount.amount().toPlainString());
        compare(differences, "issueDate", recorded.issueDate, request.issueDate());
        compare(differences, "invoiceNumber", recorded.invoiceNumber, request.invoiceNumber());
        compare(differences, "reason", recorded.reason, request.reason());
        if (!differences.isEmpty()) {
            throw new ConflictException("Credit note " + recorded.creditNoteNumber + " was posted before with other "
                    + "content: " + String.join("; ", differences),
                    differences.get(0).substring(0, differences.get(0).indexOf(' ')));
        }
        return recorded;
    }

    private static void compare(List<String> differences, String field, Object recorded, Object posted) {
        if (!Objects.equals(recorded, posted)) {
            differences.add(field + " was " + recorded + ", now " + posted);
        }
    }

    private static CreditNoteView view(CreditNote note) {
        Invoice invoice = note.invoiceNumber == null ? null
                : Invoice.findByNumber(note.legalEntity, note.invoiceNumber).orElse(null);
        return new CreditNoteView(note.legalEntity, note.creditNoteNumber, note.customerId, note.currency,
                Money.of(note.amount, note.currency).amount().toPlainString(), note.issueDate, note.invoiceNumber,
                note.reason, invoice == null ? null : invoice.open().amount().toPlainString(),
                invoice == null ? null : invoice.status);
    }
}
