package dev.steelyard.chassis.web;

import java.math.BigDecimal;

import dev.steelyard.chassis.money.Money;

/** Reads an amount and currency of a request, refusing them with the field and rule named. */
public final class MoneyInput {

    /**
     * Amounts are stored as numeric(19,4): at most 15 digits before the decimal point. A larger
     * one is bad input, refused here rather than by the database as an internal error.
     */
    public static final int MAX_INTEGER_DIGITS = 15;

    private MoneyInput() {
    }

    /**
     * Refuses a figure of a request with more than {@value #MAX_INTEGER_DIGITS} digits before the
     * decimal point (rule {@code size}); null passes, for the required check to name.
     */
    public static BigDecimal requireStorable(String field, BigDecimal value) {
        if (value != null && value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
            throw new InvalidInputException(field, "size", "must be less than 10^" + MAX_INTEGER_DIGITS
                    + " in absolute value");
        }
        return value;
    }

    /**
     * @param amountField the request's name for the amount, e.g. {@code grossAmount}
     * @throws InvalidInputException naming {@code currency} (rule {@code iso-4217}) for an unknown
     *         code, or the amount field (rule {@code minor-units}) for more decimals than the currency has,
     *         (rule {@code size}) for more than 15 digits before the decimal point
     */
    public static Money of(String amountField, BigDecimal amount, String currencyCode) {
        requireStorable(amountField, amount);
        try {
            Money.currency(currencyCode);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("currency", "iso-4217", e.getMessage());
        }
        try {
            return Money.of(amount, currencyCode);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(amountField, "minor-units", e.getMessage());
        }
    }
}
