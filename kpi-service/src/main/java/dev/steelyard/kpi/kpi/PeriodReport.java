package dev.steelyard.kpi.kpi;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.steelyard.kpi.receivables.Scope;

/** A period's figures as the API reports them: money in minor units, days and CEI to 2 decimals. */
public record PeriodReport(ScopeView scope, String currency, List<String> convertedFrom, LocalDate from,
        LocalDate to, int days, Instant knownAt, Map<String, String> conventions, String beginningAR,
        String creditSales, String endingAR, String endingCurrentAR, String unappliedCash, String unallocatedCredit,
        String dsoStandard, String dsoCountback, String bestPossibleDso, String averageDaysDelinquent, String cei,
        Map<String, String> undefined, Map<String, String> aging) {

    /** Whose figures these are; null entity and customer mean the whole company. */
    public record ScopeView(String entity, String customer) {
    }

    public static PeriodReport of(Scope scope, PeriodFigures.Result result) {
        String currency = result.currency();
        PeriodInputs in = result.inputs();
        PeriodKpis kpis = result.kpis();
        Map<String, String> undefined = new LinkedHashMap<>();
        reason(undefined, "dsoStandard", kpis.dsoStandard());
        reason(undefined, "dsoCountback", kpis.dsoCountback());
        reason(undefined, "bestPossibleDso", kpis.bestPossibleDso());
        reason(undefined, "averageDaysDelinquent", kpis.averageDaysDelinquent());
        reason(undefined, "cei", kpis.cei());
        Map<String, String> conventions = new LinkedHashMap<>();
        conventions.put("ceiSales", result.conventions().ceiSales().code);
        conventions.put("countbackMonth", result.conventions().countbackMonth().code);
        conventions.put("balances", "end of day, by business date");
        conventions.put("n", "days in the period");
        conventions.put("creditSales", "invoices issued in the period less credit notes and cancellations dated in it");
        if (!result.convertedFrom().isEmpty()) {
            conventions.put("exchangeRates", "beginning AR at the rate of the day before the period, "
                    + "everything else at the rate of the period's last day");
        }
        return new PeriodReport(new ScopeView(scope.entity(), scope.customer()), currency,
                result.convertedFrom().isEmpty() ? null : result.convertedFrom(), result.from(), result.to(),
                in.days(), scope.knownAt(), conventions, Reported.money(in.beginningAr(), currency),
                Reported.money(in.creditSales(), currency), Reported.money(in.endingAr(), currency),
                Reported.money(in.endingCurrentAr(), currency),
                Reported.money(result.endingBalances().unappliedCash(), currency),
                Reported.money(result.endingBalances().unallocatedCredit(), currency),
                kpis.dsoStandard().reported(), kpis.dsoCountback().reported(), kpis.bestPossibleDso().reported(),
                kpis.averageDaysDelinquent().reported(), kpis.cei().reported(), undefined,
                Reported.aging(result.aging(), currency));
    }

    private static void reason(Map<String, String> undefined, String name, Figure figure) {
        if (!figure.defined()) {
            undefined.put(name, figure.reason());
        }
    }
}
