package dev.steelyard.invoicing.terms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

import dev.steelyard.chassis.money.Money;

/** What payment terms make of an issue date: the due date and, for discount terms, the discount date. */
public record DueDates(LocalDate dueDate, LocalDate discountDate) {

    static DueDates of(PaymentTerms terms, LocalDate issueDate) {
        return switch (terms.type) {
            case NET -> new DueDates(issueDate.plusDays(terms.netDays), null);
            case DISCOUNT -> new DueDates(issueDate.plusDays(terms.netDays), issueDate.plusDays(terms.discountDays));
            case END_OF_MONTH -> new DueDates(issueDate.with(TemporalAdjusters.lastDayOfMonth()).plusDays(terms.netDays), null);
            case DUE_ON_RECEIPT -> new DueDates(issueDate, null);
        };
    }

    /**
     * The amount that settles the invoice in full when paid by the discount date: the gross amount
     * less the discount, the discount rounded half-up to the currency's minor unit like all invoice arithmetic.
     */
    public static Money discountedAmount(Money gross, BigDecimal discountPercent) {
        return gross.minus(Money.rounded(gross.amount().multiply(discountPercent).movePointLeft(2), gross.currency(),
                java.math.RoundingMode.HALF_UP));
    }
}
