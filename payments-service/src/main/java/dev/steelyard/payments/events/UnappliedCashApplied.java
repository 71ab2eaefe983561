package dev.steelyard.payments.events;

import java.util.List;

/** Data of {@code UnappliedCashApplied.v1}: cash of an earlier payment applied later; {@code unappliedAmount} is what remains. */
public record UnappliedCashApplied(String legalEntity, String paymentId, String customerId, String currency,
        List<AllocationData> allocations, String unappliedAmount) {
}
