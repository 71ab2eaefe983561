package dev.steelyard.payments.events;

import java.math.BigDecimal;
import java.time.LocalDate;

/** payments-service's reading of {@code CreditNoteIssued.v1}; no invoice number means credit for the customer. */
public record CreditNoteIssued(String legalEntity, String creditNoteNumber, String customerId, String currency,
        BigDecimal amount, LocalDate issueDate, String invoiceNumber, String reason) {
}
