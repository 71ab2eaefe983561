package dev.steelyard.credit.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** credit-service's own reading of invoicing, payments and collections events: only what credit needs. */
public final class ArEvents {

    private ArEvents() {
    }

    public record InvoiceIssued(String legalEntity, String invoiceNumber, String customerId, String currency,
            BigDecimal amount, LocalDate issueDate, LocalDate dueDate, String orderReference) {
    }

    public record CreditNoteIssued(String legalEntity, String creditNoteNumber, String customerId, String currency,
            BigDecimal amount, LocalDate issueDate, String invoiceNumber) {
    }

    public record InvoiceCancelled(String legalEntity, String invoiceNumber, String customerId, String currency,
            BigDecimal amount, LocalDate cancellationDate) {
    }

    /** One allocation; it settles amount + discount + writeOff of the invoice. */
    public record Allocation(String invoiceNumber, BigDecimal amount, BigDecimal discount, BigDecimal writeOff,
            LocalDate valueDate) {

        public BigDecimal settles() {
            return amount.add(discount == null ? BigDecimal.ZERO : discount)
                    .add(writeOff == null ? BigDecimal.ZERO : writeOff);
        }
    }

    /** {@code PaymentReceived.v1}, {@code UnappliedCashApplied.v1} and {@code PaymentReversed.v1}. */
    public record Payment(String legalEntity, String paymentId, String customerId, String currency,
            LocalDate valueDate, LocalDate reversalDate, List<Allocation> allocations, BigDecimal unappliedAmount,
            BigDecimal unappliedReversed) {
    }

    public record DunningStepTaken(String legalEntity, String customerId, Integer level, List<String> actions,
            List<DunnedInvoice> invoices, LocalDate asOf) {
    }

    /** An invoice a dunning step was about. */
    public record DunnedInvoice(String invoiceNumber) {
    }

    /** {@code DisputeOpened.v1} and {@code DisputeResolved.v1}. */
    public record Dispute(String legalEntity, String customerId, String disputeId) {
    }

    /** {@code PromiseToPayRecorded.v1} and {@code PromiseBroken.v1}. */
    public record Promise(String legalEntity, String customerId, String promiseId, LocalDate promisedDate) {
    }
}
