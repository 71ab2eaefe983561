package dev.steelyard.invoicing.events;

import java.time.LocalDate;

/** Data of {@code InvoiceIssued.v1}: everything a consumer needs about a new invoice. */
public record InvoiceIssued(String legalEntity, String invoiceNumber, String customerId, String currency,
        String amount, LocalDate issueDate, LocalDate dueDate) {
}
