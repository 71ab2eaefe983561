package dev.steelyard.e2e;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.steelyard.local.load.ReceivableRow;

/**
 * Month-end KPIs computed straight from the CSV rows, independently of kpi-service, following
 * shared/docs/kpi-definitions.md: each row is an invoice open from its issue date until the end
 * of the day before its settled date (a payment with value date D reduces AR at the end of D).
 */
final class ReferenceKpis {

    private static final MathContext EXACT = MathContext.DECIMAL128;

    private final List<ReceivableRow> rows;
    private final YearMonth firstMonth;

    ReferenceKpis(List<ReceivableRow> rows) {
        this.rows = rows;
        this.firstMonth = YearMonth.from(rows.stream().map(ReceivableRow::issueDate).min(LocalDate::compareTo)
                .orElseThrow());
    }

    /** The figures of a month as kpi-service reports them: money to the cent, days and CEI to 2 decimals. */
    Map<String, String> month(YearMonth month) {
        LocalDate from = month.atDay(1);
        LocalDate to = month.atEndOfMonth();
        BigDecimal n = BigDecimal.valueOf(month.lengthOfMonth());
        BigDecimal sales = sales(month);
        BigDecimal beginning = ar(from.minusDays(1));
        BigDecimal ending = ar(to);
        BigDecimal endingCurrent = currentAr(to);
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("beginningAR", cents(beginning));
        figures.put("creditSales", cents(sales));
        figures.put("endingAR", cents(ending));
        figures.put("endingCurrentAR", cents(endingCurrent));
        BigDecimal standard = sales.signum() == 0 ? null : ending.divide(sales, EXACT).multiply(n);
        BigDecimal best = sales.signum() == 0 ? null : endingCurrent.divide(sales, EXACT).multiply(n);
        figures.put("dsoStandard", days(standard));
        figures.put("dsoCountback", days(countback(month, ending)));
        figures.put("bestPossibleDso", days(best));
        figures.put("averageDaysDelinquent", days(standard == null ? null : standard.subtract(best)));
        BigDecimal collectible = beginning.add(sales).subtract(endingCurrent);
        figures.put("cei", days(collectible.signum() == 0 ? null
                : beginning.add(sales).subtract(ending).divide(collectible, EXACT).multiply(BigDecimal.valueOf(100))));
        BigDecimal[] buckets = aging(to);
        String[] labels = { "current", "1-30", "31-60", "61-90", "91+" };
        for (int i = 0; i < labels.length; i++) {
            figures.put("aging." + labels[i], cents(buckets[i]));
        }
        return figures;
    }

    private BigDecimal sales(YearMonth month) {
        return rows.stream().filter(r -> YearMonth.from(r.issueDate()).equals(month)).map(ReceivableRow::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private boolean openAt(ReceivableRow row, LocalDate day) {
        return !row.issueDate().isAfter(day) && (row.settledDate() == null || row.settledDate().isAfter(day));
    }

    private BigDecimal ar(LocalDate day) {
        return rows.stream().filter(r -> openAt(r, day)).map(ReceivableRow::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private BigDecimal currentAr(LocalDate day) {
        return rows.stream().filter(r -> openAt(r, day) && !r.dueDate().isBefore(day)).map(ReceivableRow::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Countback with calendar months: undefined when the history runs out first. */
    private BigDecimal countback(YearMonth month, BigDecimal endingAr) {
        BigDecimal remaining = endingAr;
        BigDecimal days = BigDecimal.ZERO;
        for (YearMonth m = month; !m.isBefore(firstMonth); m = m.minusMonths(1)) {
            BigDecimal sales = sales(m);
            BigDecimal length = BigDecimal.valueOf(m.lengthOfMonth());
            if (remaining.compareTo(sales) <= 0) {
                return sales.signum() == 0 ? days : days.add(remaining.divide(sales, EXACT).multiply(length));
            }
            remaining = remaining.subtract(sales);
            days = days.add(length);
        }
        return null;
    }

    private BigDecimal[] aging(LocalDate day) {
        BigDecimal[] buckets = { BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO };
        for (ReceivableRow row : rows) {
            if (!openAt(row, day)) {
                continue;
            }
            long pastDue = ChronoUnit.DAYS.between(row.dueDate(), day);
            int bucket = pastDue <= 0 ? 0 : pastDue <= 30 ? 1 : pastDue <= 60 ? 2 : pastDue <= 90 ? 3 : 4;
            buckets[bucket] = buckets[bucket].add(row.amount());
        }
        return buckets;
    }

    private static String cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static String days(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }
}
