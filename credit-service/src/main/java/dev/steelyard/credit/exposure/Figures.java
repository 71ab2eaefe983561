package dev.steelyard.credit.exposure;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Currency;
import java.util.Locale;

import dev.steelyard.chassis.money.Money;
import dev.steelyard.chassis.web.MoneyInput;

/** Amounts as credit managers read them ("8,000.00") and as the API writes them ("8000.00"). */
public final class Figures {

    private Figures() {
    }

    /** Grouped with the currency's minor units, e.g. {@code 10,000.00}. */
    public static String words(BigDecimal amount, String currency) {
        int decimals = currency == null ? 2 : Money.minorUnits(Currency.getInstance(currency));
        DecimalFormat format = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals),
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(amount.setScale(decimals, RoundingMode.HALF_EVEN));
    }

    /** Plain decimal string with the currency's minor units; null stays null. */
    public static String plain(BigDecimal amount, String currency) {
        if (amount == null) {
            return null;
        }
        int decimals = currency == null ? 2 : Money.minorUnits(Currency.getInstance(currency));
        return amount.setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** A positive amount of the request, or a 400 naming the field. */
    public static Money requestAmount(String field, BigDecimal amount, String currency) {
        return MoneyInput.of(field, amount, currency);
    }
}
