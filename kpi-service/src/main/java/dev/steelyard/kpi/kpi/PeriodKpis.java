package dev.steelyard.kpi.kpi;

import java.math.BigDecimal;
import java.math.MathContext;

/** The period KPIs of kpi-definitions.md, computed exactly; nothing here rounds. */
public record PeriodKpis(Figure dsoStandard, Figure dsoCountback, Figure bestPossibleDso,
        Figure averageDaysDelinquent, Figure cei) {

    private static final MathContext EXACT = MathContext.DECIMAL128;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public static PeriodKpis compute(PeriodInputs in, Conventions conventions) {
        Figure standard = standardDso(in.endingAr(), in.creditSales(), in.days());
        Figure best = standardDso(in.endingCurrentAr(), in.creditSales(), in.days());
        Figure add = standard.defined() && best.defined() ? Figure.of(standard.value().subtract(best.value()))
                : Figure.undefined(standard.defined() ? best.reason() : standard.reason());
        BigDecimal ceiSales = conventions.ceiSales() == Conventions.CeiSales.PERIOD ? in.creditSales()
                : in.creditSales().divide(in.months(), EXACT);
        return new PeriodKpis(standard, countbackDso(in.endingAr(), in.salesByMonth()), best, add,
                cei(in.beginningAr(), ceiSales, in.endingAr(), in.endingCurrentAr()));
    }

    /** AR / S × n: standard DSO with ending AR, best possible DSO with current AR. */
    public static Figure standardDso(BigDecimal ar, BigDecimal creditSales, int days) {
        if (creditSales.signum() == 0) {
            return Figure.undefined("credit sales of the period are zero");
        }
        return Figure.of(ar.multiply(BigDecimal.valueOf(days)).divide(creditSales, EXACT));
    }

    /**
     * Walks back month by month from the newest, consuming each month's sales from the ending AR
     * until what remains fits into a month's sales.
     */
    public static Figure countbackDso(BigDecimal endingAr, Iterable<MonthSales> newestFirst) {
        BigDecimal remaining = endingAr;
        BigDecimal days = BigDecimal.ZERO;
        for (MonthSales month : newestFirst) {
            if (remaining.compareTo(month.sales()) > 0) {
                remaining = remaining.subtract(month.sales());
                days = days.add(BigDecimal.valueOf(month.days()));
                continue;
            }
            if (month.sales().signum() == 0) {
                return Figure.undefined("credit sales of " + month.month() + " are zero");
            }
            return Figure.of(days.add(remaining.multiply(BigDecimal.valueOf(month.days())).divide(month.sales(), EXACT)));
        }
        return Figure.undefined("history runs out before the ending AR is covered by credit sales");
    }

    /** (beginning AR + S − ending AR) / (beginning AR + S − ending current AR) × 100. */
    public static Figure cei(BigDecimal beginningAr, BigDecimal sales, BigDecimal endingAr, BigDecimal endingCurrentAr) {
        BigDecimal denominator = beginningAr.add(sales).subtract(endingCurrentAr);
        if (denominator.signum() == 0) {
            return Figure.undefined("beginning AR + credit sales − ending current AR is zero");
        }
        return Figure.of(beginningAr.add(sales).subtract(endingAr).multiply(HUNDRED).divide(denominator, EXACT));
    }
}
