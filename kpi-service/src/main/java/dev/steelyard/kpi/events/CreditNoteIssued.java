package dev.steelyard.kpi.events;

import java.math.BigDecimal;
import java.time.LocalDate;

/** kpi-service's reading of {@code CreditNoteIssued.v1}; invoiceNumber is absent for an unallocated credit. */
public record CreditNoteIssued(String legalEntity, String creditNoteNumber, String customerId, String currency,
        BigDecimal amount, LocalDate issueDate, String invoiceNumber) {
}
