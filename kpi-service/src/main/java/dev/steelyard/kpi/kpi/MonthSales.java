package dev.steelyard.kpi.kpi;

import java.math.BigDecimal;

/** Credit sales of one month of the countback walk and the days that month counts. */
public record MonthSales(String month, BigDecimal sales, int days) {
}
