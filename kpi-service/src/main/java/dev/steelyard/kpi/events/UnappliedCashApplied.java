package dev.steelyard.kpi.events;

import java.math.BigDecimal;
import java.util.List;

/** kpi-service's reading of {@code UnappliedCashApplied.v1}: cash held on account later applied to invoices. */
public record UnappliedCashApplied(String legalEntity, String paymentId, String customerId, String currency,
        List<Allocation> allocations, BigDecimal unappliedAmount) {

    public List<Allocation> allocations() {
        return allocations == null ? List.of() : allocations;
    }
}
