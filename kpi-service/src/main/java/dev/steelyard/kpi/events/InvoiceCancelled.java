package dev.steelyard.kpi.events;

import java.math.BigDecimal;
import java.time.LocalDate;

/** kpi-service's reading of {@code InvoiceCancelled.v1}: the invoice leaves AR as of the cancellation date. */
public record InvoiceCancelled(String legalEntity, String invoiceNumber, String customerId, String currency,
        BigDecimal amount, LocalDate cancellationDate) {
}
