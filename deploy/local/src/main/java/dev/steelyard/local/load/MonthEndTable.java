package dev.steelyard.local.load;

import java.io.PrintStream;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** Prints month-end KPIs as kpi-service reports them, one row a month. */
public final class MonthEndTable {

    private static final String[] AGING = { "current", "1-30", "31-60", "61-90", "91+" };

    private MonthEndTable() {
    }

    public static void print(List<JsonNode> months, PrintStream out) {
        out.printf("%-7s %11s %11s %8s %9s %8s %7s %7s %11s %10s %10s %10s %10s%n", "month", "sales", "ending AR",
                "DSO", "countback", "best", "ADD", "CEI", "current", "1-30", "31-60", "61-90", "91+");
        for (JsonNode month : months) {
            out.printf("%-7s %11s %11s %8s %9s %8s %7s %7s", month.path("from").asText().substring(0, 7),
                    text(month, "creditSales"), text(month, "endingAR"), text(month, "dsoStandard"),
                    text(month, "dsoCountback"), text(month, "bestPossibleDso"), text(month, "averageDaysDelinquent"),
                    text(month, "cei"));
            for (String bucket : AGING) {
                out.printf(" %10s", month.path("aging").path(bucket).asText("-"));
            }
            out.println();
        }
        out.println("Undefined figures show as '-'; GET /kpis/month/{yyyy-MM} says why in 'undefined'.");
    }

    private static String text(JsonNode month, String field) {
        JsonNode value = month.path(field);
        return value.isNull() || value.isMissingNode() ? "-" : value.asText();
    }
}
