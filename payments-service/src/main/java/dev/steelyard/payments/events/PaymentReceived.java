package dev.steelyard.payments.events;

import java.time.LocalDate;
import java.util.List;

/** Data of {@code PaymentReceived.v1}: a payment and how its cash was applied on receipt. */
public record PaymentReceived(String legalEntity, String paymentId, String customerId, String currency, String amount,
        LocalDate valueDate, String method, String gatewayTransactionId, List<String> remittanceReferences,
        List<AllocationData> allocations, String unappliedAmount) {
}
