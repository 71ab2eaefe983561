package dev.steelyard.collections.events;

/** Data of {@code DisputeResolved.v1}: the invoice may be dunned again. */
public record DisputeResolved(String legalEntity, String customerId, String disputeId, String invoiceNumber,
        String amount, String currency, String resolution) {
}
