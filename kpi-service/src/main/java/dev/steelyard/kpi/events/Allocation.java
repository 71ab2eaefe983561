package dev.steelyard.kpi.events;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Part of a payment applied to one invoice; discount and write-off settle the invoice as cash does. */
public record Allocation(String invoiceNumber, BigDecimal amount, BigDecimal discount, BigDecimal writeOff,
        LocalDate valueDate) {

    /** What the allocation takes off the invoice's open amount. */
    public BigDecimal settled() {
        return orZero(amount).add(orZero(discount)).add(orZero(writeOff));
    }

    static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
