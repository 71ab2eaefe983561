package dev.steelyard.chassis.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An exact amount in one ISO 4217 currency, always scaled to that currency's minor units
 * (JPY 0, USD 2, KWD 3).
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        int minorUnits = minorUnits(currency);
        if (amount.scale() != minorUnits) {
            // Widening the scale is exact; narrowing must not lose a fraction of a minor unit.
            amount = amount.setScale(minorUnits, RoundingMode.UNNECESSARY);
        }
    }

    /** Parses an exact amount; more decimals than the currency has is an error, never a rounding. */
    public static Money of(BigDecimal amount, String currencyCode) {
        Currency currency = currency(currencyCode);
        if (amount.stripTrailingZeros().scale() > minorUnits(currency)) {
            throw new IllegalArgumentException(
                    "%s has %d decimals, more than %s allows (%d)".formatted(
                            amount.toPlainString(), amount.stripTrailingZeros().scale(), currency, minorUnits(currency)));
        }
        return new Money(amount, currency);
    }

    public static Money of(String amount, String currencyCode) {
        try {
            return of(new BigDecimal(amount), currencyCode);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + amount + "' is not a decimal amount");
        }
    }

    /** Rounds half-even to the currency's minor unit: for computed amounts such as tax or a discount. */
    public static Money rounded(BigDecimal amount, Currency currency) {
        return new Money(amount.setScale(minorUnits(currency), RoundingMode.HALF_EVEN), currency);
    }

    /** Rounds to the currency's minor unit with the given mode, for rules that prescribe one. */
    public static Money rounded(BigDecimal amount, Currency currency, RoundingMode mode) {
        return new Money(amount.setScale(minorUnits(currency), mode), currency);
    }

    /** Converts a gateway amount in minor units with the currency's own exponent. */
    public static Money ofMinor(long minorAmount, String currencyCode) {
        Currency currency = currency(currencyCode);
        return new Money(BigDecimal.valueOf(minorAmount, minorUnits(currency)), currency);
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /** The ISO 4217 currency, refusing codes without minor units (XAU, XXX, ...). */
    public static Currency currency(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("'" + code + "' is not an ISO 4217 currency code");
        }
        Currency currency;
        try {
            currency = Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + code + "' is not an ISO 4217 currency code");
        }
        if (currency.getDefaultFractionDigits() < 0) {
            throw new IllegalArgumentException(code + " has no minor unit and cannot be used for invoicing");
        }
        return currency;
    }

    public static int minorUnits(Currency currency) {
        return currency.getDefaultFractionDigits();
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    public long toMinor() {
        return amount.movePointRight(minorUnits(currency)).longValueExact();
    }

    public String currencyCode() {
        return currency.getCurrencyCode();
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot combine " + currency + " with " + other.currency);
        }
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
