package dev.steelyard.kpi.events;

import java.math.BigDecimal;
import java.time.LocalDate;

/** kpi-service's own reading of {@code InvoiceIssued.v1}: only the fields it needs. */
public record InvoiceIssued(String legalEntity, String invoiceNumber, String customerId, String currency,
        BigDecimal amount, LocalDate issueDate, LocalDate dueDate) {
}
