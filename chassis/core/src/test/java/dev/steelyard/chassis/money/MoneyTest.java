package dev.steelyard.chassis.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void amountsAreScaledToTheCurrencysMinorUnits() {
        assertEquals("1500", Money.of("1500", "JPY").amount().toPlainString());
        assertEquals("12.30", Money.of("12.3", "USD").amount().toPlainString());
        assertEquals("7.250", Money.of("7.25", "KWD").amount().toPlainString());
    }

    @Test
    void moreDecimalsThanTheCurrencyHasIsRefusedNotRounded() {
        IllegalArgumentException yen = assertThrows(IllegalArgumentException.class, () -> Money.of("100.5", "JPY"));
        assertEquals("100.5 has 1 decimals, more than JPY allows (0)", yen.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Money.of("1.001", "USD"));
        assertEquals("1.001", Money.of("1.001", "KWD").amount().toPlainString());
        assertEquals("1.10", Money.of("1.1000", "USD").amount().toPlainString());
    }

    @Test
    void gatewayMinorUnitsUseTheCurrencysExponent() {
        assertEquals(Money.of("1234", "JPY"), Money.ofMinor(1234, "JPY"));
        assertEquals(Money.of("12.34", "USD"), Money.ofMinor(1234, "USD"));
        assertEquals(Money.of("1.234", "KWD"), Money.ofMinor(1234, "KWD"));
        assertEquals(1234, Money.of("1.234", "KWD").toMinor());
    }

    @Test
    void unknownOrUnitlessCurrenciesAreRefused() {
        assertEquals("'XYZ' is not an ISO 4217 currency code",
                assertThrows(IllegalArgumentException.class, () -> Money.currency("XYZ")).getMessage());
        assertEquals("'usd' is not an ISO 4217 currency code",
                assertThrows(IllegalArgumentException.class, () -> Money.currency("usd")).getMessage());
        assertEquals("XAU has no minor unit and cannot be used for invoicing",
                assertThrows(IllegalArgumentException.class, () -> Money.currency("XAU")).getMessage());
    }

    @Test
    void computedAmountsRoundHalfEven() {
        assertEquals("0.12", Money.rounded(new BigDecimal("0.125"), Money.currency("USD")).amount().toPlainString());
        assertEquals("0.14", Money.rounded(new BigDecimal("0.135"), Money.currency("USD")).amount().toPlainString());
    }

    @Test
    void differentCurrenciesDoNotAdd() {
        assertEquals("cannot combine USD with EUR", assertThrows(IllegalArgumentException.class,
                () -> Money.of("1", "USD").plus(Money.of("1", "EUR"))).getMessage());
        assertEquals(Money.of("3.50", "USD"), Money.of("1.25", "USD").plus(Money.of("2.25", "USD")));
    }
}
