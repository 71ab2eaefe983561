package dev.steelyard.payments.events;

import java.time.LocalDate;
import java.util.List;

/** Data of {@code PaymentReversed.v1}: money that went back to the customer and the allocations it undid. */
public record PaymentReversed(String legalEntity, String paymentId, String customerId, String currency, String amount,
        LocalDate reversalDate, String reason, List<AllocationData> allocations, String unappliedReversed) {
}
