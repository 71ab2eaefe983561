package dev.steelyard.invoicing.settlement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** invoicing-service's own reading of payments-service events: only what settles invoices. */
public final class PaymentEvents {

    private PaymentEvents() {
    }

    /** One allocation; it settles amount + discount + writeOff of the invoice. */
    public record Allocation(String invoiceNumber, BigDecimal amount, BigDecimal discount, BigDecimal writeOff,
            LocalDate valueDate) {

        BigDecimal settles() {
            return amount.add(discount == null ? BigDecimal.ZERO : discount)
                    .add(writeOff == null ? BigDecimal.ZERO : writeOff);
        }
    }

    /** {@code PaymentReceived.v1} and {@code UnappliedCashApplied.v1}. */
    public record Applied(String legalEntity, String paymentId, String currency, List<Allocation> allocations) {
    }

    /** {@code PaymentReversed.v1}. */
    public record Reversed(String legalEntity, String paymentId, String currency, LocalDate reversalDate,
            List<Allocation> allocations) {
    }
}
