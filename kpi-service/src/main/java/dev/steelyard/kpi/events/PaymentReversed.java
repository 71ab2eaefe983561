package dev.steelyard.kpi.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** kpi-service's reading of {@code PaymentReversed.v1}: a refund or chargeback reopens what the payment settled. */
public record PaymentReversed(String legalEntity, String paymentId, String customerId, String currency,
        BigDecimal amount, LocalDate reversalDate, String reason, List<Allocation> allocations,
        BigDecimal unappliedReversed) {

    public List<Allocation> allocations() {
        return allocations == null ? List.of() : allocations;
    }
}
