package dev.steelyard.collections.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** collections-service's own tolerant reading of invoicing, payment and credit events: only what dunning needs. */
public final class ArEvents {

    private ArEvents() {
    }

    /** {@code InvoiceIssued.v1}; amount is the gross amount owed. */
    public record InvoiceIssued(String legalEntity, String invoiceNumber, String customerId, String currency,
            BigDecimal amount, LocalDate issueDate, LocalDate dueDate) {
    }

    /** {@code CreditNoteIssued.v1}; without invoiceNumber it credits no invoice in particular. */
    public record CreditNoteIssued(String legalEntity, String creditNoteNumber, String customerId, String currency,
            BigDecimal amount, LocalDate issueDate, String invoiceNumber) {
    }

    /** {@code InvoiceCancelled.v1}. */
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

    /** {@code PaymentReceived.v1} and {@code UnappliedCashApplied.v1} (the latter without amount). */
    public record PaymentApplied(String legalEntity, String paymentId, String customerId, String currency,
            BigDecimal amount, LocalDate valueDate, List<Allocation> allocations) {
    }

    /** {@code PaymentReversed.v1}. */
    public record PaymentReversed(String legalEntity, String paymentId, String customerId, String currency,
            BigDecimal amount, LocalDate reversalDate, List<Allocation> allocations) {
    }

    /** {@code CreditChanged.v1}, of which the worklist reads the risk class and the hold. */
    public record CreditChanged(String legalEntity, String customerId, String riskClass, Boolean hold,
            OffsetDateTime changedAt) {
    }
}
