package dev.steelyard.kpi.kpi;

import java.util.Arrays;

import dev.steelyard.chassis.web.InvalidInputException;

/** The published conventions a period KPI can follow; the first constant of each is the default. */
public record Conventions(CeiSales ceiSales, CountbackMonth countbackMonth) {

    public static final Conventions DEFAULT = new Conventions(CeiSales.PERIOD, CountbackMonth.CALENDAR);

    /** Which sales figure CEI uses. */
    public enum CeiSales {
        /** S = credit sales of the whole period. */
        PERIOD("period"),
        /** S = credit sales of the period / number of months in it (Credit Research Foundation). */
        MONTHLY_AVERAGE("monthly-average");

        public final String code;

        CeiSales(String code) {
            this.code = code;
        }
    }

    /** How many days a month counts in the countback walk. */
    public enum CountbackMonth {
        CALENDAR("calendar"), THIRTY("30");

        public final String code;

        CountbackMonth(String code) {
            this.code = code;
        }
    }

    public static Conventions parse(String ceiSales, String countbackMonth) {
        CeiSales cei = ceiSales == null ? CeiSales.PERIOD
                : Arrays.stream(CeiSales.values()).filter(c -> c.code.equals(ceiSales)).findFirst()
                        .orElseThrow(() -> new InvalidInputException("ceiSales", "one-of",
                                "must be period or monthly-average"));
        CountbackMonth month = countbackMonth == null ? CountbackMonth.CALENDAR
                : Arrays.stream(CountbackMonth.values()).filter(c -> c.code.equals(countbackMonth)).findFirst()
                        .orElseThrow(() -> new InvalidInputException("countbackMonth", "one-of",
                                "must be calendar or 30"));
        return new Conventions(cei, month);
    }
}
