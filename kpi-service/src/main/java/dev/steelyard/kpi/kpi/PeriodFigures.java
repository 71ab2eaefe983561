package dev.steelyard.kpi.kpi;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.steelyard.chassis.web.InvalidInputException;
import dev.steelyard.kpi.aging.Aging;
import dev.steelyard.kpi.fx.FxRates;
import dev.steelyard.kpi.receivables.Balances;
import dev.steelyard.kpi.receivables.ReceivablesQueries;
import dev.steelyard.kpi.receivables.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Gathers a period's inputs for a scope in one currency, or converted into a reporting currency
 * when exchange rates for the dates involved are loaded, and computes its KPIs.
 */
@ApplicationScoped
public class PeriodFigures {

    /** A period's inputs and KPIs in one currency (null currency: the scope has no movements). */
    public record Result(String currency, LocalDate from, LocalDate to, PeriodInputs inputs, Balances endingBalances,
            Aging aging, PeriodKpis kpis, Conventions conventions, List<String> convertedFrom) {
    }

    @Inject
    ReceivablesQueries queries;

    @Inject
    FxRates fxRates;

    public Result period(Scope scope, LocalDate from, LocalDate to, Conventions conventions, String reportingCurrency) {
        List<String> currencies = scope.currency() != null ? List.of(scope.currency()) : queries.currencies(scope);
        if (reportingCurrency == null) {
            if (currencies.size() > 1) {
                throw new InvalidInputException("currency", "single-currency",
                        "the scope holds amounts in " + String.join(", ", currencies)
                                + "; ask for one currency, or load exchange rates (PUT /fx-rates) and name a reportingCurrency");
            }
            String currency = currencies.isEmpty() ? null : currencies.get(0);
            Single single = single(scope.withCurrency(currency), from, to, conventions);
            return result(currency, from, to, single, conventions, List.of());
        }
        Single total = null;
        for (String currency : currencies) {
            Single single = single(scope.withCurrency(currency), from, to, conventions);
            Single converted = single.converted(fxRates.rate(currency, reportingCurrency, from.minusDays(1)),
                    fxRates.rate(currency, reportingCurrency, to));
            total = total == null ? converted : total.plus(converted);
        }
        if (total == null) {
            total = single(scope.withCurrency(reportingCurrency), from, to, conventions);
        }
        return result(reportingCurrency, from, to, total, conventions, currencies);
    }

    private Result result(String currency, LocalDate from, LocalDate to, Single single, Conventions conventions,
            List<String> convertedFrom) {
        return new Result(currency, from, to, single.inputs, single.ending, single.aging,
                PeriodKpis.compute(single.inputs, conventions), conventions, convertedFrom);
    }

    /** The inputs in one currency, before any conversion. */
    private record Single(PeriodInputs inputs, Balances ending, Aging aging) {

        /** Balances at the start at the opening day's rate; everything else at the period end's rate. */
        Single converted(BigDecimal openingRate, BigDecimal closingRate) {
            List<MonthSales> months = inputs.salesByMonth().stream()
                    .map(m -> new MonthSales(m.month(), m.sales().multiply(closingRate), m.days())).toList();
            return new Single(new PeriodInputs(inputs.beginningAr().multiply(openingRate),
                    inputs.creditSales().multiply(closingRate), inputs.endingAr().multiply(closingRate),
                    inputs.endingCurrentAr().multiply(closingRate), inputs.days(), inputs.months(), months),
                    new Balances(ending.ar().multiply(closingRate), ending.unappliedCash().multiply(closingRate),
                            ending.unallocatedCredit().multiply(closingRate)),
                    aging.times(closingRate));
        }

        Single plus(Single other) {
            // Month lists are aligned newest first; the longer history carries on alone.
            List<MonthSales> months = new ArrayList<>();
            int size = Math.max(inputs.salesByMonth().size(), other.inputs.salesByMonth().size());
            for (int i = 0; i < size; i++) {
                MonthSales mine = i < inputs.salesByMonth().size() ? inputs.salesByMonth().get(i) : null;
                MonthSales theirs = i < other.inputs.salesByMonth().size() ? other.inputs.salesByMonth().get(i) : null;
                MonthSales any = mine != null ? mine : theirs;
                BigDecimal sales = (mine == null ? BigDecimal.ZERO : mine.sales())
                        .add(theirs == null ? BigDecimal.ZERO : theirs.sales());
                months.add(new MonthSales(any.month(), sales, any.days()));
            }
            return new Single(new PeriodInputs(inputs.beginningAr().add(other.inputs.beginningAr()),
                    inputs.creditSales().add(other.inputs.creditSales()),
                    inputs.endingAr().add(other.inputs.endingAr()),
                    inputs.endingCurrentAr().add(other.inputs.endingCurrentAr()), inputs.days(), inputs.months(),
                    months),
                    new Balances(ending.ar().add(other.ending.ar()),
                            ending.unappliedCash().add(other.ending.unappliedCash()),
                            ending.unallocatedCredit().add(other.ending.unallocatedCredit())),
                    aging.plus(other.aging));
        }
    }

    private Single single(Scope scope, LocalDate from, LocalDate to, Conventions conventions) {
        if (scope.currency() == null) {
            Aging none = Aging.empty(to);
            return new Single(new PeriodInputs(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                    days(from, to), months(from, to), List.of()), Balances.ZERO, none);
        }
        BigDecimal beginning = queries.balances(scope, from.minusDays(1)).getOrDefault(scope.currency(), Balances.ZERO)
                .ar();
        Balances ending = queries.balances(scope, to).getOrDefault(scope.currency(), Balances.ZERO);
        BigDecimal sales = queries.creditSales(scope, from, to).getOrDefault(scope.currency(), BigDecimal.ZERO);
        Aging aging = Aging.of(to, queries.openItems(scope, to));
        List<MonthSales> months = salesByMonth(scope, to, conventions);
        return new Single(new PeriodInputs(beginning, sales, ending.ar(), aging.current(), days(from, to),
                months(from, to), months), ending, aging);
    }

    /**
     * Credit sales of each month from the one holding {@code to} back to the first month with any
     * movement, newest first. The newest month counts only its days up to {@code to}.
     */
    private List<MonthSales> salesByMonth(Scope scope, LocalDate to, Conventions conventions) {
        LocalDate start = queries.historyStart(scope);
        List<MonthSales> months = new ArrayList<>();
        if (start == null || start.isAfter(to)) {
            return months;
        }
        TreeMap<LocalDate, BigDecimal> sales = queries.monthlySales(scope, to);
        YearMonth first = YearMonth.from(start);
        for (YearMonth month = YearMonth.from(to); !month.isBefore(first); month = month.minusMonths(1)) {
            int calendarDays = month.equals(YearMonth.from(to)) ? to.getDayOfMonth() : month.lengthOfMonth();
            int days = conventions.countbackMonth() == Conventions.CountbackMonth.CALENDAR ? calendarDays
                    : calendarDays == month.lengthOfMonth() ? 30 : Math.min(30, calendarDays);
            months.add(new MonthSales(month.toString(), sales.getOrDefault(month.atDay(1), BigDecimal.ZERO), days));
        }
        return months;
    }

    public static int days(LocalDate from, LocalDate to) {
        return (int) ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** Whole calendar months when the period is made of them, otherwise its days / 30. */
    public static BigDecimal months(LocalDate from, LocalDate to) {
        if (from.getDayOfMonth() == 1 && to.getDayOfMonth() == to.lengthOfMonth()) {
            return BigDecimal.valueOf(ChronoUnit.MONTHS.between(YearMonth.from(from), YearMonth.from(to)) + 1);
        }
        return BigDecimal.valueOf(days(from, to)).divide(BigDecimal.valueOf(30), MathContext.DECIMAL128);
    }

}
