package dev.steelyard.bench;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.admin.Admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * KPI queries at growing history: month, period and as-of (aging) figures of one legal entity from
 * kpi-service, against the aggregate an ERP report would run over the same invoices and payments in
 * plain tables of a database of the same PostgreSQL. History is seeded in cumulative steps by
 * publishing the producers' events straight to the topics; kpi-service consumes them as it would live
 * traffic. The other four services are paused (SIGSTOP) while it does, so kpi-service has the machine's
 * cores to itself, and resumed afterwards. A step whose consumption would not fit the seeding budget at
 * the rate measured so far is skipped and reported.
 */
public final class QueryBenchmark {

    static final String NAME = "queries";
    private static final int CALIBRATION = 1_000;
    private static final int QUERIES_PER_ROUND = 10;
    private static final LocalDate MONTH_START = LocalDate.of(2024, 6, 1);
    private static final LocalDate MONTH_END = LocalDate.of(2024, 6, 30);
    private static final LocalDate PERIOD_START = LocalDate.of(2024, 1, 1);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BenchContext context;
    private final Suite suite;

    public QueryBenchmark(BenchContext context) {
        this.context = context;
        this.suite = context.suite;
    }

    /** Runs the steps; returns the notes for the report (rates, skipped steps, agreement of the figures). */
    public String run() throws Exception {
        List<String> notes = new ArrayList<>();
        History history = new History(context.entity("Q"));
        List<Integer> steps = new ArrayList<>();
        steps.add(CALIBRATION);
        context.historySizes.stream().filter(s -> s > CALIBRATION).forEach(steps::add);
        double budget = context.seedBudgetMinutes * 60;
        double spent = 0;
        double eventsPerSecond = Double.NaN;
        long seeded = 0;
        KpiLag.awaitCaughtUp(context.stack, Duration.ofMinutes(5));
        List<String> paused = context.stack.pauseAllBut("kpi-service");
        try (HistorySeeder seeder = new HistorySeeder(context.stack);
                Connection bench = context.stack.connect("bench");
                Admin admin = KpiLag.admin(context.stack)) {
            ErpReport erp = new ErpReport(bench);
            for (int size : steps) {
                long events = Math.round((size - seeded) * 1.95);
                if (!Double.isNaN(eventsPerSecond) && spent + events / eventsPerSecond > budget) {
                    String note = ("%,d invoices not seeded: about %,d more events at the %,.0f events/s kpi-service"
                            + " consumed would take %.0f min, beyond the %.0f min seeding budget (%.0f min spent).")
                            .formatted(size, events, eventsPerSecond, events / eventsPerSecond / 60,
                                    context.seedBudgetMinutes, spent / 60);
                    Progress.say("queries: %s", note);
                    notes.add(note);
                    break;
                }
                Progress.say("queries: seeding invoices %,d to %,d of %s", seeded, size, history.legalEntity());
                long lagBefore = KpiLag.lag(admin);
                long start = System.nanoTime();
                long sent = seeder.seed(history, seeded, size);
                double published = (System.nanoTime() - start) / 1e9;
                long remaining = KpiLag.lag(admin);
                while (remaining > 0) {
                    double elapsed = (System.nanoTime() - start) / 1e9;
                    if (spent + elapsed > budget * 1.5) {
                        throw new IllegalStateException("kpi-service is still %,d events behind after %.0f s"
                                .formatted(remaining, elapsed));
                    }
                    Progress.say("queries: kpi-service consumed %,d of %,d events in %.0f s (%,.0f/s)",
                            sent + lagBefore - remaining, sent + lagBefore, elapsed,
                            (sent + lagBefore - remaining) / elapsed);
                    Progress.pause(10_000);
                    remaining = KpiLag.lag(admin);
                }
                double took = (System.nanoTime() - start) / 1e9;
                spent += took;
                eventsPerSecond = (sent + lagBefore) / took;
                seeded = size;
                String rate = ("%,d invoices: %,d events published in %.0f s, consumed by kpi-service at %,.0f events/s"
                        + " (%.0f s)").formatted(size, sent, published, eventsPerSecond, took);
                Progress.say("queries: %s", rate);
                notes.add(rate + ".");
                String agreement = measure(history, size, erp);
                Progress.say("queries: %s", agreement);
                notes.add(agreement);
            }
        } finally {
            context.stack.resume(paused);
        }
        return String.join("\n", notes.stream().map(n -> "- " + n).toList());
    }

    /** The three queries at this size, beside their ERP aggregates; returns whether the figures agree. */
    private String measure(History history, int size, ErpReport erp) throws Exception {
        double load = Progress.loadAverage();
        String entity = history.legalEntity();
        String month = "/kpis/month/2024-06?entity=" + entity;
        String period = "/kpis/period?from=%s&to=%s&entity=%s".formatted(PERIOD_START, MONTH_END, entity);
        String asOf = "/kpis/aging?asOf=%s&entity=%s".formatted(MONTH_END, entity);

        JsonNode kpiMonth = JSON.readTree(suite.expectOk(suite.kpiGet(month)));
        ErpReport.Figures erpMonth = erp.period(entity, MONTH_START, MONTH_END);
        boolean agree = same(kpiMonth, "endingAR", erpMonth.endingAR()) && same(kpiMonth, "creditSales",
                erpMonth.creditSales()) && same(kpiMonth, "beginningAR", erpMonth.beginningAR());
        String agreement = "%,d invoices: kpi-service's June 2024 beginning AR, credit sales and ending AR %s the ERP"
                + " aggregate's (%s, %s, %s)";
        agreement = agreement.formatted(size, agree ? "equal" : "DIFFER from", erpMonth.beginningAR(),
                erpMonth.creditSales(), erpMonth.endingAR());

        compare(size, "month (June 2024)", load, () -> suite.expectOk(suite.kpiGet(month)),
                () -> erp.period(entity, MONTH_START, MONTH_END));
        compare(size, "period (2024-01-01 to 2024-06-30)", load, () -> suite.expectOk(suite.kpiGet(period)),
                () -> erp.period(entity, PERIOD_START, MONTH_END));
        compare(size, "as of 2024-06-30 (aging)", load, () -> suite.expectOk(suite.kpiGet(asOf)),
                () -> erp.agingTotal(entity, MONTH_END));
        return agreement + ".";
    }

    @FunctionalInterface
    private interface Query {
        Object run() throws Exception;
    }

    private void compare(int size, String what, double load, Query kpi, Query baseline) throws Exception {
        for (int i = 0; i < 3; i++) {
            kpi.run();
            baseline.run();
        }
        Samples p50 = new Samples();
        Samples p99 = new Samples();
        Samples referenceP50 = new Samples();
        Samples referenceP99 = new Samples();
        for (int round = 1; round <= context.rounds; round++) {
            Samples kpiTimes = new Samples();
            Samples erpTimes = new Samples();
            for (int i = 0; i < QUERIES_PER_ROUND; i++) {
                kpiTimes.add(millis(kpi));
                erpTimes.add(millis(baseline));
            }
            p50.add(kpiTimes.median());
            p99.add(kpiTimes.p99());
            referenceP50.add(erpTimes.median());
            referenceP99.add(erpTimes.p99());
        }
        context.add(Result.of(NAME, "%s, %,d invoices".formatted(what, size), "ms", p50.median(), p99.median(),
                "SQL aggregate over the same invoices (bench database)", referenceP50.median(), referenceP99.median(),
                load));
    }

    private static double millis(Query query) throws Exception {
        long start = System.nanoTime();
        query.run();
        return (System.nanoTime() - start) / 1e6;
    }

    private static boolean same(JsonNode answer, String field, BigDecimal expected) {
        return answer.hasNonNull(field) && new BigDecimal(answer.get(field).asText()).compareTo(expected) == 0;
    }
}
