package dev.steelyard.kpi.kpi;

import java.math.BigDecimal;
import java.util.List;

/**
 * The exact balances and sales a period's KPIs are computed from, in one currency.
 *
 * @param days             n, the number of days in the period
 * @param months           the number of months in the period, for monthly-average CEI sales
 * @param salesByMonth     credit sales of each month, newest first, back to the start of history
 */
public record PeriodInputs(BigDecimal beginningAr, BigDecimal creditSales, BigDecimal endingAr,
        BigDecimal endingCurrentAr, int days, BigDecimal months, List<MonthSales> salesByMonth) {
}
