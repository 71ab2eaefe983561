package dev.steelyard.payments.events;

import java.math.BigDecimal;
import java.time.LocalDate;

/** payments-service's reading of {@code InvoiceCancelled.v1}. */
public record InvoiceCancelled(String legalEntity, String invoiceNumber, String customerId, String currency,
        BigDecimal amount, LocalDate cancellationDate) {
}
