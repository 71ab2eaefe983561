package dev.steelyard.kpi.receivables;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An invoice with a non-zero open amount at the end of a day; dueDate is null until its invoice event arrives. */
public record OpenItem(String legalEntity, String customerId, String invoiceNumber, String currency,
        LocalDate dueDate, BigDecimal openAmount) {
}
