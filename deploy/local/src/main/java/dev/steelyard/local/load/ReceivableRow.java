package dev.steelyard.local.load;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One invoice of a receivables history and the date it was paid in full. */
public record ReceivableRow(String legalEntity, String customerId, String invoiceNumber, LocalDate issueDate,
        LocalDate dueDate, BigDecimal amount, LocalDate settledDate) {
}
