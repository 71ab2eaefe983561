package dev.steelyard.invoicing.events;

import java.time.LocalDate;

/** Data of {@code CreditNoteIssued.v1}; without an invoice number it is unallocated credit for the customer. */
public record CreditNoteIssued(String legalEntity, String creditNoteNumber, String customerId, String currency,
        String amount, LocalDate issueDate, String invoiceNumber, String reason) {
}
