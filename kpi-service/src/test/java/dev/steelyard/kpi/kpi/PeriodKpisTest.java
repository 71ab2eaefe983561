package dev.steelyard.kpi.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The golden examples of kpi-definitions.md, computed by the pure KPI formulas. */
class PeriodKpisTest {

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    private static PeriodInputs standardExample() {
        return new PeriodInputs(d("0"), d("10000"), d("15000"), d("4000"), 30, d("1"), List.of());
    }

    @Test
    void standardDsoOfTheGoldenExampleIs45Days() {
        assertEquals("45.00", PeriodKpis.compute(standardExample(), Conventions.DEFAULT).dsoStandard().reported());
    }

    @Test
    void bestPossibleDsoOfTheGoldenExampleIs12Days() {
        assertEquals("12.00", PeriodKpis.compute(standardExample(), Conventions.DEFAULT).bestPossibleDso().reported());
    }

    @Test
    void averageDaysDelinquentOfTheGoldenExampleIs33Days() {
        assertEquals("33.00",
                PeriodKpis.compute(standardExample(), Conventions.DEFAULT).averageDaysDelinquent().reported());
    }

    @Test
    void countbackWithThirtyDayMonthsOfTheGoldenExampleIs73Point71Days() {
        List<MonthSales> newestFirst = List.of(new MonthSales("m3", d("100000"), 30),
                new MonthSales("m2", d("80000"), 30), new MonthSales("m1", d("70000"), 30));
        assertEquals("73.71", PeriodKpis.countbackDso(d("212000"), newestFirst).reported());
    }

    @Test
    void countbackIsUndefinedWhenHistoryRunsOutFirst() {
        Figure figure = PeriodKpis.countbackDso(d("300000"), List.of(new MonthSales("m1", d("100000"), 30)));
        assertNull(figure.value());
        assertEquals("history runs out before the ending AR is covered by credit sales", figure.reason());
    }

    private static PeriodInputs quarter() {
        return new PeriodInputs(d("6200"), d("10890"), d("6340"), d("3590"), 91, d("3"), List.of());
    }

    @Test
    void ceiWithMonthlyAverageSalesOfTheGoldenQuarterIs55Point93() {
        Conventions monthlyAverage = new Conventions(Conventions.CeiSales.MONTHLY_AVERAGE,
                Conventions.CountbackMonth.CALENDAR);
        assertEquals("55.93", PeriodKpis.compute(quarter(), monthlyAverage).cei().reported());
    }

    @Test
    void ceiWithPeriodSalesOfTheGoldenQuarterIs79Point63() {
        assertEquals("79.63", PeriodKpis.compute(quarter(), Conventions.DEFAULT).cei().reported());
    }

    @Test
    void dsoWithoutCreditSalesIsUndefinedWithAReasonNotZero() {
        PeriodKpis kpis = PeriodKpis.compute(
                new PeriodInputs(d("0"), d("0"), d("500"), d("0"), 30, d("1"), List.of()), Conventions.DEFAULT);
        assertNull(kpis.dsoStandard().value());
        assertEquals("credit sales of the period are zero", kpis.dsoStandard().reason());
        assertNull(kpis.averageDaysDelinquent().value());
    }

    @Test
    void ceiWithZeroDenominatorIsUndefined() {
        Figure cei = PeriodKpis.cei(d("0"), d("0"), d("0"), d("0"));
        assertNull(cei.value());
        assertEquals("beginning AR + credit sales − ending current AR is zero", cei.reason());
    }

    @Test
    void reportedDaysRoundHalfEven() {
        assertEquals("0.12", Figure.of(d("0.125")).reported());
        assertEquals("0.14", Figure.of(d("0.135")).reported());
    }
}
