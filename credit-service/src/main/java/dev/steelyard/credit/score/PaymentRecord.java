package dev.steelyard.credit.score;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One settlement of an invoice: how much, and when against the invoice's due date. */
public record PaymentRecord(BigDecimal amount, LocalDate valueDate, LocalDate dueDate) {

    public long daysBeyondTerms() {
        return java.time.temporal.ChronoUnit.DAYS.between(dueDate, valueDate);
    }
}
