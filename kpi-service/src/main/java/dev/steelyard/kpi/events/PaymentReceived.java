package dev.steelyard.kpi.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** kpi-service's reading of {@code PaymentReceived.v1}: allocations settle invoices, the rest is unapplied cash. */
public record PaymentReceived(String legalEntity, String paymentId, String customerId, String currency,
        BigDecimal amount, LocalDate valueDate, List<Allocation> allocations, BigDecimal unappliedAmount) {

    public List<Allocation> allocations() {
        return allocations == null ? List.of() : allocations;
    }
}
