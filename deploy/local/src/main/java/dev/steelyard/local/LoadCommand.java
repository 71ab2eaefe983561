package dev.steelyard.local;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.steelyard.local.load.Delivery;
import dev.steelyard.local.load.MonthEndTable;
import dev.steelyard.local.load.ReceivableRow;
import dev.steelyard.local.load.ReceivablesCsv;
import dev.steelyard.local.load.Replay;
import dev.steelyard.local.load.ReplayPlan;
import dev.steelyard.local.load.StandardWebhookSigner;
import dev.steelyard.local.load.SuiteClient;

/**
 * {@code steelyard load <csv|sample> [--shuffle] [--duplicates SHARE] [--seed N] [--concurrency N] [--json]}:
 * replays a receivables history through the running suite's public interfaces, waits until
 * kpi-service has caught up, and prints the month-end KPIs.
 */
final class LoadCommand {

    private final StackPaths paths;
    private final PrintStream out;
    private final PrintStream err;

    LoadCommand(StackPaths paths, PrintStream out, PrintStream err) {
        this.paths = paths;
        this.out = out;
        this.err = err;
    }

    int run(List<String> options) throws Exception {
        Path csv = null;
        boolean shuffle = false;
        boolean json = false;
        double duplicates = 0;
        long seed = 42;
        int concurrency = 8;
        for (int i = 0; i < options.size(); i++) {
            String option = options.get(i);
            switch (option) {
                case "--shuffle" -> shuffle = true;
                case "--json" -> json = true;
                case "--duplicates" -> duplicates = Double.parseDouble(value(options, ++i, option));
                case "--seed" -> seed = Long.parseLong(value(options, ++i, option));
                case "--concurrency" -> concurrency = Integer.parseInt(value(options, ++i, option));
                default -> {
                    if (option.startsWith("--") || csv != null) {
                        throw new IllegalArgumentException("unknown option " + option + "; usage: steelyard load "
                                + "<csv|sample> [--shuffle] [--duplicates SHARE] [--seed N] [--concurrency N] [--json]");
                    }
                    csv = option.equals("sample") ? paths.root().resolve("deploy/data/ibm-accounts-receivable.csv")
                            : Path.of(option);
                }
            }
        }
        if (csv == null) {
            throw new IllegalArgumentException("name a CSV file or 'sample'");
        }
        if (duplicates < 0 || duplicates > 1) {
            throw new IllegalArgumentException("--duplicates takes a share between 0 and 1, e.g. 0.1");
        }
        Map<String, String> tokens = EnvFile.read(paths.run().resolve("tokens.env"));
        Map<String, String> webhooks = EnvFile.read(paths.run().resolve("webhooks.env"));
        if (!tokens.containsKey("STEELYARD_TOKEN_ERP") || !webhooks.containsKey("STEELYARD_WEBHOOKS_STANDARD_SECRETS")) {
            throw new IllegalStateException("no tokens or webhook secrets under " + paths.run()
                    + "; start the suite first: deploy/local/steelyard up");
        }
        SuiteClient suite = new SuiteClient(url("STEELYARD_INVOICING_URL", 8081), url("STEELYARD_PAYMENTS_URL", 8082),
                url("STEELYARD_KPI_URL", 8085), tokens.get("STEELYARD_TOKEN_ERP"), tokens.get("STEELYARD_TOKEN_OPS"),
                new StandardWebhookSigner(webhooks.get("STEELYARD_WEBHOOKS_STANDARD_SECRETS").split(",")[0].trim()));

        List<ReceivableRow> rows = ReceivablesCsv.read(csv);
        List<Delivery> plan = ReplayPlan.of(rows, shuffle, duplicates, seed);
        err.printf("Replaying %d invoices and their payments from %s: %d requests, %s%s%n", rows.size(), csv,
                plan.size(), shuffle ? "shuffled" : "in business-date order",
                duplicates > 0 ? ", " + Math.round(duplicates * 100) + "% of webhooks delivered twice" : "");
        Replay.Outcome outcome = new Replay(suite, concurrency, err).run(plan, !shuffle);
        err.printf("Sent %d requests in %.1f s (%.0f requests/s); %d failed%n", outcome.sent(),
                outcome.elapsed().toMillis() / 1000.0, outcome.rate(), outcome.failed());
        outcome.firstFailures().forEach(failure -> err.println("  " + failure));
        if (outcome.failed() > 0) {
            err.println("Some requests were refused; see the services' logs under " + paths.logs());
            return 1;
        }

        long started = System.nanoTime();
        awaitKpis(suite, rows);
        err.printf("kpi-service caught up %.1f s after the last request%n", (System.nanoTime() - started) / 1e9);
        List<JsonNode> months = new ArrayList<>();
        YearMonth first = YearMonth.from(rows.stream().map(ReceivableRow::issueDate).min(Comparator.naturalOrder())
                .orElseThrow());
        YearMonth last = YearMonth.from(rows.stream().map(ReceivableRow::issueDate).max(Comparator.naturalOrder())
                .orElseThrow());
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            months.add(suite.month(month, "USD"));
        }
        if (json) {
            out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(months));
        } else {
            MonthEndTable.print(months, out);
        }
        return 0;
    }

    /** Waits until kpi-service reports every invoice and payment of the file: sales and AR as the file says. */
    private void awaitKpis(SuiteClient suite, List<ReceivableRow> rows) throws InterruptedException {
        LocalDate from = rows.stream().map(ReceivableRow::issueDate).min(Comparator.naturalOrder()).orElseThrow();
        LocalDate to = rows.stream().map(r -> r.settledDate() == null ? r.dueDate() : r.settledDate())
                .max(Comparator.naturalOrder()).orElseThrow();
        BigDecimal sales = rows.stream().map(ReceivableRow::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal open = rows.stream().filter(r -> r.settledDate() == null || r.settledDate().isAfter(to))
                .map(ReceivableRow::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        String seen = "";
        while (System.nanoTime() < deadline) {
            JsonNode period = suite.period(from, to, "USD");
            seen = "credit sales " + period.path("creditSales").asText() + ", ending AR "
                    + period.path("endingAR").asText();
            if (equal(period.path("creditSales").asText(), sales) && equal(period.path("endingAR").asText(), open)) {
                return;
            }
            err.print("\rWaiting for kpi-service: " + seen + " (expecting " + sales + ", " + open + ")   ");
            Thread.sleep(500);
        }
        err.println();
        throw new IllegalStateException("kpi-service did not catch up within 3 minutes (" + seen
                + "); see " + paths.logs());
    }

    private static boolean equal(String reported, BigDecimal expected) {
        try {
            return new BigDecimal(reported).compareTo(expected) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static URI url(String variable, int port) {
        return URI.create(Objects.requireNonNullElse(System.getenv(variable), "http://localhost:" + (port + Ports.offset())));
    }

    private static String value(List<String> options, int index, String option) {
        if (index >= options.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return options.get(index);
    }

}
