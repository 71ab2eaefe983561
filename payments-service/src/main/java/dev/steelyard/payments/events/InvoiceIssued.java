package dev.steelyard.payments.events;

import java.math.BigDecimal;
import java.time.LocalDate;

/** payments-service's own reading of {@code InvoiceIssued.v1}: what matching needs, optional fields tolerated. */
public record InvoiceIssued(String legalEntity, String invoiceNumber, String customerId, String currency,
        BigDecimal amount, LocalDate issueDate, LocalDate dueDate, Terms terms) {

    /** The invoice's payment terms, when the producer sends them. */
    public record Terms(String code, String type, Integer netDays, BigDecimal discountPercent, Integer discountDays,
            LocalDate discountDate, BigDecimal discountedAmount) {
    }
}
