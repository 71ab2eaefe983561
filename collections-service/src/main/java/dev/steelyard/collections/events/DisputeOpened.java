package dev.steelyard.collections.events;

/** Data of {@code DisputeOpened.v1}: the invoice leaves dunning until the dispute is resolved. */
public record DisputeOpened(String legalEntity, String customerId, String disputeId, String invoiceNumber,
        String amount, String currency, String reason) {
}
