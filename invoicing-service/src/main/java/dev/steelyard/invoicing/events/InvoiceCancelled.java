package dev.steelyard.invoicing.events;

import java.time.LocalDate;

/** Data of {@code InvoiceCancelled.v1}: the invoice leaves AR as of the cancellation date. */
public record InvoiceCancelled(String legalEntity, String invoiceNumber, String customerId, String currency,
        String amount, LocalDate cancellationDate, String reason) {
}
