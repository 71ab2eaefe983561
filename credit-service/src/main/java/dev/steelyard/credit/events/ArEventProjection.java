package dev.steelyard.credit.events;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.steelyard.chassis.events.IncomingEvent;
import dev.steelyard.chassis.inbox.Inbox;
import dev.steelyard.credit.exposure.ArEntry;
import dev.steelyard.credit.exposure.ArInvoice;
import dev.steelyard.credit.exposure.CreditAccount;
import dev.steelyard.credit.exposure.CreditAssessment;
import dev.steelyard.credit.exposure.UnappliedPayment;
import dev.steelyard.credit.score.BrokenPromise;
import dev.steelyard.credit.score.Dispute;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Follows every invoice, payment and collections event: records its effect on the customer's
 * AR, promises, disputes or collections hold, then re-evaluates the customer's credit, all in
 * the inbox transaction.
 */
@ApplicationScoped
public class ArEventProjection {

    @Inject
    Inbox inbox;

    @Inject
    CreditAssessment assessment;

    @Incoming("ar-events")
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) {
        inbox.process(record, this::apply);
    }

    void apply(IncomingEvent event) {
        switch (event.type()) {
            case "InvoiceIssued.v1" -> invoiceIssued(event.id(), event.data(ArEvents.InvoiceIssued.class));
            case "CreditNoteIssued.v1" -> creditNoteIssued(event.id(), event.data(ArEvents.CreditNoteIssued.class));
            case "InvoiceCancelled.v1" -> invoiceCancelled(event.id(), event.data(ArEvents.InvoiceCancelled.class));
            case "PaymentReceived.v1", "UnappliedCashApplied.v1" ->
                paymentApplied(event.id(), event.type(), event.data(ArEvents.Payment.class));
            case "PaymentReversed.v1" -> paymentReversed(event.id(), event.data(ArEvents.Payment.class));
            case "DunningStepTaken.v1" -> dunningStep(event.data(ArEvents.DunningStepTaken.class));
            case "DisputeOpened.v1", "DisputeResolved.v1" -> dispute(event.type(), event.data(ArEvents.Dispute.class));
            case "PromiseBroken.v1" -> promiseBroken(event.data(ArEvents.Promise.class));
            default -> {
                // Other events (PromiseToPayRecorded, future types) do not change credit.
            }
        }
    }

    private void invoiceIssued(String eventId, ArEvents.InvoiceIssued data) {
        require(data.legalEntity(), data.customerId(), data.currency(), "invoiceNumber", data.invoiceNumber());
        require("amount", data.amount(), "dueDate", data.dueDate(), "issueDate", data.issueDate());
        CreditAccount account = assessment.account(data.legalEntity(), data.customerId(), data.currency());
        if (ArInvoice.findByNumber(data.legalEntity(), data.invoiceNumber()).isEmpty()) {
            ArInvoice invoice = new ArInvoice();
            invoice.legalEntity = data.legalEntity();
            invoice.invoiceNumber = data.invoiceNumber();
            invoice.customerId = data.customerId();
            invoice.currency = data.currency();
            invoice.amount = data.amount();
            invoice.issueDate = data.issueDate();
            invoice.dueDate = data.dueDate();
            // An order turned into an invoice leaves open orders as it enters AR: see ExposureQueries.openOrders.
            invoice.orderReference = data.orderReference();
            invoice.persist();
            ArEntry.record(eventId, data.legalEntity(), data.customerId(), data.currency(), ArEntry.Kind.INVOICE,
                    data.invoiceNumber(), null, data.amount(), data.issueDate());
        }
        assessment.reassess(account, false);
    }

    private void creditNoteIssued(String eventId, ArEvents.CreditNoteIssued data) {
        require(data.legalEntity(), data.customerId(), data.currency(), "creditNoteNumber", data.creditNoteNumber());
        require("amount", data.amount(), "issueDate", data.issueDate(), "currency", data.currency());
        CreditAccount account = assessment.account(data.legalEntity(), data.customerId(), data.currency());
        ArEntry.record(eventId, data.legalEntity(), data.customerId(), data.currency(), ArEntry.Kind.CREDIT_NOTE,
                data.invoiceNumber(), null, data.amount().negate(), data.issueDate());
        assessment.reassess(account, false);
    }

    private void invoiceCancelled(String eventId, ArEvents.InvoiceCancelled data) {
        require(data.legalEntity(), data.customerId(), data.currency(), "invoiceNumber", data.invoiceNumber());
        require("amount", data.amount(), "cancellationDate", data.cancellationDate(), "currency", data.currency());
        CreditAccount account = assessment.account(data.legalEntity(), data.customerId(), data.currency());
        ArInvoice.findByNumber(data.legalEntity(), data.invoiceNumber()).ifPresent(invoice -> invoice.cancelled = true);
        ArEntry.record(eventId, data.legalEntity(), data.customerId(), data.currency(), ArEntry.Kind.CANCELLATION,
                data.invoiceNumber(), null, data.amount().negate(), data.cancellationDate());
        assessment.reassess(account, false);
    }

    private void paymentApplied(String eventId, String type, ArEvents.Payment data) {
        require(data.legalEntity(), data.customerId(), data.currency(), "paymentId", data.paymentId());
        CreditAccount account = assessment.account(data.legalEntity(), data.customerId(), data.currency());
        for (ArEvents.Allocation allocation : allocations(data.allocations())) {
            ArEntry.record(eventId, data.legalEntity(), data.customerId(), data.currency(), ArEntry.Kind.PAYMENT,
                    allocation.invoiceNumber(), data.paymentId(), allocation.settles().negate(),
                    allocation.valueDate() != null ? allocation.valueDate() : data.valueDate());
        }
        if (data.unappliedAmount() != null) {
            // Both events carry what remains unapplied of the payment after them.
            UnappliedPayment.of(data.legalEntity(), data.paymentId(), data.customerId(), data.currency()).unapplied =
                    data.unappliedAmount();
        }
        assessment.reassess(account, false);
    }

    private void paymentReversed(String eventId, ArEvents.Payment data) {
        require(data.legalEntity(), data.customerId(), data.currency(), "paymentId", data.paymentId());
        CreditAccount account = assessment.account(data.legalEntity(), data.customerId(), data.currency());
        for (ArEvents.Allocation allocation : allocations(data.allocations())) {
            ArEntry.record(eventId, data.legalEntity(), data.customerId(), data.currency(), ArEntry.Kind.REVERSAL,
                    allocation.invoiceNumber(), data.paymentId(), allocation.settles(), data.reversalDate());
        }
        if (data.unappliedReversed() != null && data.unappliedReversed().signum() != 0) {
            UnappliedPayment payment = UnappliedPayment.of(data.legalEntity(), data.paymentId(), data.customerId(),
                    data.currency());
            payment.unapplied = payment.unapplied.subtract(data.unappliedReversed()).max(BigDecimal.ZERO);
        }
        assessment.reassess(account, false);
    }

    private void dunningStep(ArEvents.DunningStepTaken data) {
        require(data.legalEntity(), data.customerId(), "-", "level", data.level());
        CreditAccount account = assessment.account(data.legalEntity(), data.customerId(), null);
        if (data.actions() != null && data.actions().contains("CREDIT_HOLD")) {
            account.collectionsHold = true;
            account.collectionsHoldReason = "collections put credit on hold at dunning level " + data.level()
                    + (data.asOf() == null ? "" : " on " + data.asOf());
            account.collectionsHoldInvoices = data.invoices() == null ? null : data.invoices().stream()
                    .map(ArEvents.DunnedInvoice::invoiceNumber).filter(Objects::nonNull)
                    .collect(Collectors.joining("\n"));
        }
        assessment.reassess(account, false);
    }

    private void dispute(String type, ArEvents.Dispute data) {
        require(data.legalEntity(), data.customerId(), "-", "disputeId", data.disputeId());
        CreditAccount account = assessment.account(data.legalEntity(), data.customerId(), null);
        Dispute.of(data.legalEntity(), data.disputeId(), data.customerId()).resolved = type.equals("DisputeResolved.v1");
        assessment.reassess(account, false);
    }

    private void promiseBroken(ArEvents.Promise data) {
        require(data.legalEntity(), data.customerId(), "-", "promiseId", data.promiseId());
        require("promisedDate", data.promisedDate(), "promiseId", data.promiseId(), "customerId", data.customerId());
        CreditAccount account = assessment.account(data.legalEntity(), data.customerId(), null);
        BrokenPromise.record(data.legalEntity(), data.promiseId(), data.customerId(), data.promisedDate());
        assessment.reassess(account, false);
    }

    private static List<ArEvents.Allocation> allocations(List<ArEvents.Allocation> allocations) {
        for (ArEvents.Allocation allocation : allocations == null ? List.<ArEvents.Allocation>of() : allocations) {
            if (allocation.invoiceNumber() == null || allocation.amount() == null) {
                throw new IllegalArgumentException("every allocation needs invoiceNumber and amount");
            }
        }
        return allocations == null ? List.of() : allocations;
    }

    /** A poison event goes to the dead-letter topic naming the missing field. */
    private static void require(String legalEntity, String customerId, String currency, String field, Object value) {
        require("legalEntity", legalEntity, "customerId", customerId, field, value);
        if (currency == null) {
            throw new IllegalArgumentException("data.currency is required");
        }
    }

    private static void require(String field1, Object value1, String field2, Object value2, String field3,
            Object value3) {
        if (value1 == null) {
            throw new IllegalArgumentException("data." + field1 + " is required");
        }
        if (value2 == null) {
            throw new IllegalArgumentException("data." + field2 + " is required");
        }
        if (value3 == null) {
            throw new IllegalArgumentException("data." + field3 + " is required");
        }
    }
}
