package dev.steelyard.chassis.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class MoneyInputTest {

    @Test
    void anAmountWithMoreThanFifteenDigitsBeforeThePointIsRefusedAsTooLarge() {
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> MoneyInput.of("amount", new BigDecimal("1000000000000000.00"), "EUR"));
        assertEquals(new Problem.Violation("amount", "size", "must be less than 10^15 in absolute value"),
                refused.violations().get(0));
        assertEquals(0, new BigDecimal("999999999999999.99").compareTo(
                MoneyInput.of("amount", new BigDecimal("999999999999999.99"), "EUR").amount()));
        assertThrows(InvalidInputException.class, () -> MoneyInput.requireStorable("ebit", new BigDecimal("-1e400")));
        assertNull(MoneyInput.requireStorable("ebit", null));
    }
}
