package dev.steelyard.chassis.web;

import java.math.BigDecimal;

import dev.steelyard.chassis.money.Money;

/** Reads an amount and currency of a request, refusing them with the field and rule named. */
public final class MoneyInput {

    private MoneyInput() {
    }

    /**
     * @param amountField the request's name for the amount, e.g. {@code grossAmount}
     * @throws InvalidInputException naming {@code currency} (rule {@code iso-4217}) for an unknown
     *         code, or the amount field (rule {@code minor-units}) for more decimals than the currency has
     */
    public static Money of(String amountField, BigDecimal amount, String currencyCode) {
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
