package dev.steelyard.collections.receivables;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import dev.steelyard.collections.events.ArEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Keeps the local copy of open invoices current. Runs inside the inbox transaction; events
 * arrive in any order across topics, so every method works whichever came first.
 */
@ApplicationScoped
public class ReceivablesProjection {

    @Inject
    Clock clock;

    public void issued(ArEvents.InvoiceIssued data) {
        require(data.legalEntity(), "legalEntity");
        require(data.invoiceNumber(), "invoiceNumber");
        require(data.customerId(), "customerId");
        require(data.currency(), "currency");
        require(data.amount(), "amount");
        require(data.dueDate(), "dueDate");
        Receivable receivable = Receivable.byNumber(data.legalEntity(), data.invoiceNumber()).orElseGet(Receivable::new);
        receivable.legalEntity = data.legalEntity();
        receivable.invoiceNumber = data.invoiceNumber();
        receivable.customerId = data.customerId();
        receivable.currency = data.currency();
        receivable.amount = data.amount();
        receivable.issueDate = data.issueDate();
        receivable.dueDate = data.dueDate();
        receivable.issued = true;
        receivable.persist();
    }

    public void cancelled(ArEvents.InvoiceCancelled data) {
        require(data.legalEntity(), "legalEntity");
        require(data.invoiceNumber(), "invoiceNumber");
        require(data.customerId(), "customerId");
        Receivable receivable = Receivable.byNumber(data.legalEntity(), data.invoiceNumber()).orElseGet(() -> {
            Receivable placeholder = new Receivable();
            placeholder.legalEntity = data.legalEntity();
            placeholder.invoiceNumber = data.invoiceNumber();
            placeholder.customerId = data.customerId();
            return placeholder;
        });
        receivable.cancelledOn = data.cancellationDate() == null ? LocalDate.now(clock) : data.cancellationDate();
        receivable.persist();
    }

    public void credited(String eventId, ArEvents.CreditNoteIssued data) {
        require(data.legalEntity(), "legalEntity");
        require(data.amount(), "amount");
        if (data.invoiceNumber() != null) {
            ReceivableAdjustment.record(eventId, data.legalEntity(), data.invoiceNumber(),
                    ReceivableAdjustment.Kind.CREDIT_NOTE, data.creditNoteNumber(), data.amount(), data.issueDate());
        }
    }

    public void paid(String eventId, String type, ArEvents.PaymentApplied data) {
        require(data.legalEntity(), "legalEntity");
        require(data.paymentId(), "paymentId");
        require(data.customerId(), "customerId");
        for (ArEvents.Allocation allocation : allocations(data.allocations())) {
            ReceivableAdjustment.record(eventId, data.legalEntity(), allocation.invoiceNumber(),
                    ReceivableAdjustment.Kind.PAYMENT, data.paymentId(), allocation.settles(),
                    allocation.valueDate() == null ? data.valueDate() : allocation.valueDate());
        }
        // Applying unapplied cash moves money that was already received; only a receipt is new money.
        if ("PaymentReceived.v1".equals(type)) {
            require(data.amount(), "amount");
            receipt(eventId, data.legalEntity(), data.customerId(), data.paymentId(), data.currency(), data.amount(),
                    data.valueDate());
        }
    }

    public void reversed(String eventId, ArEvents.PaymentReversed data) {
        require(data.legalEntity(), "legalEntity");
        require(data.paymentId(), "paymentId");
        require(data.customerId(), "customerId");
        for (ArEvents.Allocation allocation : allocations(data.allocations())) {
            ReceivableAdjustment.record(eventId, data.legalEntity(), allocation.invoiceNumber(),
                    ReceivableAdjustment.Kind.REVERSAL, data.paymentId(), allocation.settles().negate(),
                    data.reversalDate());
        }
        if (data.amount() != null) {
            receipt(eventId, data.legalEntity(), data.customerId(), data.paymentId(), data.currency(),
                    data.amount().negate(), data.reversalDate());
        }
    }

    private void receipt(String eventId, String legalEntity, String customerId, String paymentId, String currency,
            BigDecimal amount, LocalDate valueDate) {
        PaymentReceipt receipt = new PaymentReceipt();
        receipt.eventId = eventId;
        receipt.legalEntity = legalEntity;
        receipt.customerId = customerId;
        receipt.paymentId = paymentId;
        receipt.currency = currency;
        receipt.amount = amount;
        receipt.valueDate = valueDate;
        receipt.recordedAt = Instant.now(clock);
        receipt.persist();
    }

    private static List<ArEvents.Allocation> allocations(List<ArEvents.Allocation> allocations) {
        List<ArEvents.Allocation> given = allocations == null ? List.of() : allocations;
        for (ArEvents.Allocation allocation : given) {
            if (allocation.invoiceNumber() == null || allocation.amount() == null) {
                throw new IllegalArgumentException("every allocation needs invoiceNumber and amount");
            }
        }
        return given;
    }

    /** A missing field makes the event poison: the inbox sends it to the dead-letter topic with this reason. */
    private static void require(Object value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("data." + field + " is required");
        }
    }
}
