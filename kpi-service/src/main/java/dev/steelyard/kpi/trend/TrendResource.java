package dev.steelyard.kpi.trend;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import dev.steelyard.chassis.security.EntityScope;
import dev.steelyard.chassis.security.Roles;
import dev.steelyard.chassis.web.InvalidInputException;
import dev.steelyard.kpi.kpi.Conventions;
import dev.steelyard.kpi.kpi.KpiParameters;
import dev.steelyard.kpi.kpi.PeriodFigures;
import dev.steelyard.kpi.kpi.PeriodReport;
import dev.steelyard.kpi.receivables.Scope;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * One KPI over consecutive periods for charts: each day, ISO week (Monday to Sunday) or calendar
 * month between from and to is its own period (clipped to from and to); balances are at its end.
 */
@Path("/kpis/trend")
public class TrendResource {

    static final int MAX_POINTS = 400;

    private static final Map<String, Function<PeriodReport, String>> METRICS = Map.ofEntries(
            Map.entry("dsoStandard", PeriodReport::dsoStandard),
            Map.entry("dsoCountback", PeriodReport::dsoCountback),
            Map.entry("bestPossibleDso", PeriodReport::bestPossibleDso),
            Map.entry("averageDaysDelinquent", PeriodReport::averageDaysDelinquent),
            Map.entry("cei", PeriodReport::cei),
            Map.entry("beginningAR", PeriodReport::beginningAR),
            Map.entry("creditSales", PeriodReport::creditSales),
            Map.entry("endingAR", PeriodReport::endingAR),
            Map.entry("endingCurrentAR", PeriodReport::endingCurrentAR),
            Map.entry("unappliedCash", PeriodReport::unappliedCash));

    private static final Set<String> PARAMETERS = KpiParameters.with(KpiParameters.SCOPE, "metric", "from", "to",
            "interval", "ceiSales", "countbackMonth");

    /** The metric over one period; value null with the reason when undefined. */
    public record Point(LocalDate from, LocalDate to, String value, String reason) {
    }

    /** A series ready for a chart. */
    public record Trend(String metric, String interval, String currency, Map<String, String> conventions,
            List<Point> points) {
    }

    @Inject
    PeriodFigures figures;

    @Inject
    EntityScope entityScope;

    @Context
    UriInfo uri;

    /** JSON unless the caller asks for CSV by name (a browser or client sending any type gets JSON). */
    @GET
    @Produces({ MediaType.APPLICATION_JSON, "text/csv" })
    @RolesAllowed({ Roles.OPS, Roles.ADMIN })
    public Response get(@Context HttpHeaders headers) {
        boolean csv = headers.getAcceptableMediaTypes().stream()
                .filter(type -> !type.isWildcardType())
                .findFirst().map(type -> type.toString().startsWith("text/csv")).orElse(false);
        return csv ? Response.ok(csv(trend()), "text/csv").build()
                : Response.ok(trend(), MediaType.APPLICATION_JSON).build();
    }

    private Trend trend() {
        KpiParameters parameters = KpiParameters.of(uri, PARAMETERS);
        String metric = parameters.text("metric");
        if (metric == null || !METRICS.containsKey(metric)) {
            throw new InvalidInputException("metric", "one-of", "must be one of " + new java.util.TreeSet<>(METRICS.keySet()));
        }
        String interval = parameters.text("interval") == null ? "month" : parameters.text("interval");
        LocalDate from = parameters.date("from", true);
        LocalDate to = parameters.date("to", true);
        KpiParameters.requireOrdered(from, to);
        List<LocalDate[]> periods = periods(from, to, interval);
        Scope scope = parameters.scope(entityScope);
        Conventions conventions = parameters.conventions();
        String reportingCurrency = parameters.currency("reportingCurrency");
        List<Point> points = new ArrayList<>();
        String currency = null;
        Map<String, String> used = null;
        for (LocalDate[] period : periods) {
            PeriodReport report = PeriodReport.of(scope,
                    figures.period(scope, period[0], period[1], conventions, reportingCurrency));
            currency = currency == null ? report.currency() : currency;
            used = report.conventions();
            points.add(new Point(period[0], period[1], METRICS.get(metric).apply(report),
                    report.undefined().get(metric)));
        }
        return new Trend(metric, interval, currency, used, points);
    }

    /** The series as CSV, one line per period. */
    static String csv(Trend trend) {
        StringBuilder csv = new StringBuilder("from,to,").append(trend.metric()).append(",currency,undefined_reason\n");
        for (Point point : trend.points()) {
            csv.append(point.from()).append(',').append(point.to()).append(',')
                    .append(point.value() == null ? "" : point.value()).append(',')
                    .append(trend.currency() == null ? "" : trend.currency()).append(',')
                    .append(point.reason() == null ? "" : '"' + point.reason().replace("\"", "\"\"") + '"')
                    .append('\n');
        }
        return csv.toString();
    }

    static List<LocalDate[]> periods(LocalDate from, LocalDate to, String interval) {
        List<LocalDate[]> periods = new ArrayList<>();
        LocalDate start = from;
        while (!start.isAfter(to)) {
            LocalDate end = switch (interval) {
                case "day" -> start;
                case "week" -> start.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
                case "month" -> start.with(TemporalAdjusters.lastDayOfMonth());
                default -> throw new InvalidInputException("interval", "one-of", "must be day, week or month");
            };
            end = end.isAfter(to) ? to : end;
            periods.add(new LocalDate[] { start, end });
            if (periods.size() > MAX_POINTS) {
                throw new InvalidInputException("interval", "max-points",
                        "more than " + MAX_POINTS + " periods; choose a longer interval or a shorter range");
            }
            start = end.plusDays(1);
        }
        return periods;
    }
}
