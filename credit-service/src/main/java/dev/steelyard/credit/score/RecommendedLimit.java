package dev.steelyard.credit.score;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Recommended limit: the larger of two months of the customer's average monthly invoicing over
 * the last 12 months and 10 % of its book equity (when statements exist), times the risk
 * class's factor (A 100 %, B 80 %, C 60 %, D 40 %, E 0 %), rounded down to a whole thousand.
 */
public final class RecommendedLimit {

    private static final BigDecimal THOUSAND = new BigDecimal("1000");

    private RecommendedLimit() {
    }

    public static BigDecimal of(BigDecimal invoicedLast12Months, BigDecimal bookEquity, RiskClass riskClass) {
        BigDecimal twoMonthsOfSales = invoicedLast12Months.multiply(BigDecimal.valueOf(2))
                .divide(BigDecimal.valueOf(12), 4, RoundingMode.HALF_UP);
        BigDecimal tenthOfEquity = bookEquity == null ? BigDecimal.ZERO
                : bookEquity.multiply(new BigDecimal("0.10")).max(BigDecimal.ZERO);
        BigDecimal base = twoMonthsOfSales.max(tenthOfEquity).multiply(BigDecimal.valueOf(riskClass.limitFactor()));
        return base.divide(THOUSAND, 0, RoundingMode.DOWN).multiply(THOUSAND);
    }
}
