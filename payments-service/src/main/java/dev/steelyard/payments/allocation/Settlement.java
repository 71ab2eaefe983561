package dev.steelyard.payments.allocation;

import java.time.LocalDate;
import java.util.Optional;

import dev.steelyard.chassis.money.Money;
import dev.steelyard.payments.invoice.OpenInvoice;

/**
 * How much of an open invoice some cash settles: the cash applied, the early-payment discount
 * granted and the short payment written off. Amounts stay exact; nothing is rounded here.
 */
public record Settlement(Money cash, Money discount, Money writeOff) {

    public Money settled() {
        return cash.plus(discount).plus(writeOff);
    }

    /**
     * Inside the discount window the discounted amount settles the invoice in full; a shortfall
     * up to the tolerance is written off; a larger one leaves the rest open, with no discount.
     */
    public static Settlement of(OpenInvoice invoice, Money available, LocalDate valueDate, Money tolerance) {
        Money open = invoice.open();
        Money zero = Money.zero(open.currency());
        Optional<Money> discounted = invoice.discountedAmountFor(valueDate);
        Money due = discounted.orElse(open);
        Money discount = discounted.map(open::minus).orElse(zero);
        if (available.compareTo(due) >= 0) {
            return new Settlement(due, discount, zero);
        }
        Money shortfall = due.minus(available);
        if (shortfall.compareTo(tolerance) <= 0) {
            return new Settlement(available, discount, shortfall);
        }
        return new Settlement(available, zero, zero);
    }
}
