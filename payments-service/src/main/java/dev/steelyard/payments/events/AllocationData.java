package dev.steelyard.payments.events;

import java.time.LocalDate;

import dev.steelyard.payments.allocation.Allocation;

/** One allocation inside an event: {@code amount + discount + writeOff} of the invoice were settled (or, in a reversal, reopened). */
public record AllocationData(String invoiceNumber, String amount, String discount, String writeOff, LocalDate valueDate) {

    /** Written with positive amounts; a reversal line is shown as what it took back. */
    public static AllocationData of(Allocation line) {
        boolean reversal = line.kind == Allocation.Kind.REVERSAL;
        return new AllocationData(line.invoiceNumber,
                (reversal ? line.cash().negate() : line.cash()).amount().toPlainString(),
                (reversal ? line.discount().negate() : line.discount()).amount().toPlainString(),
                (reversal ? line.writeOff().negate() : line.writeOff()).amount().toPlainString(),
                line.valueDate);
    }
}
