package dev.steelyard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The table on the console, and the sections of BENCHMARKS.md this run measured. */
public final class Report {

    static final Map<String, String> TITLES = new java.util.LinkedHashMap<>();

    static {
        TITLES.put(IntakeBenchmark.NAME, "Invoice intake");
        TITLES.put(WebhookBenchmark.NAME, "Webhook intake");
        TITLES.put(FreshnessBenchmark.NAME, "Freshness");
        TITLES.put(QueryBenchmark.NAME, "KPI queries");
        TITLES.put(RebuildBenchmark.NAME, "Rebuild");
        TITLES.put(MemoryBenchmark.NAME, "Memory");
    }

    private static final String HEADER = """
            # Steelyard benchmarks

            Measured with [`deploy/bench/run`](deploy/bench/README.md) against the local stack (the packaged
            services, Kafka and PostgreSQL on one machine) with each figure's physical reference measured in the
            same run, so the ratio (figure / reference) means more than the figure on a shared, noisy machine.
            Throughput and latency figures are medians over rounds after a warm-up; a latency's p50 and p99 are
            the medians of the rounds' p50 and p99, measured from each request's scheduled start by an open-loop
            generator. Every section names the command, the date, the machine and the load average; other
            builds ran on the same two cores, so compare ratios rather than absolute figures.
            """;

    private Report() {
    }

    public static String line(Result r) {
        return "%s | %s | %s%s | %s | ratio %s".formatted(r.benchmark(), r.figure(), number(r.median()),
                Double.isNaN(r.p99()) ? "" : " p99 " + number(r.p99()), r.unit(),
                Double.isNaN(r.referenceMedian()) ? "-" : number(r.ratio()) + " of " + r.reference() + " "
                        + number(r.referenceMedian()) + (Double.isNaN(r.referenceP99()) ? "" : " p99 "
                                + number(r.referenceP99())));
    }

    public static void print(List<Result> results) {
        System.out.println();
        System.out.println(table(results));
    }

    static String table(List<Result> results) {
        StringBuilder out = new StringBuilder();
        out.append("| benchmark | figure | median (p50) | p99 | reference | reference median (p50) | reference p99 | ratio | load avg |\n");
        out.append("|---|---|---:|---:|---|---:|---:|---:|---:|\n");
        for (Result r : results) {
            out.append("| %s | %s | %s %s | %s | %s | %s | %s | %s | %.2f |\n".formatted(r.benchmark(), r.figure()
                    + (r.note().isEmpty() ? "" : " (" + r.note() + ")"), number(r.median()), r.unit(),
                    number(r.p99()), r.reference().isEmpty() ? "-" : r.reference(), number(r.referenceMedian()),
                    number(r.referenceP99()), number(r.ratio()), r.loadAverage()));
        }
        return out.toString();
    }

    /** Replaces (or appends) each measured benchmark's section of BENCHMARKS.md; text outside the sections stays. */
    public static void write(Path file, List<Result> results, String command, ZonedDateTime started,
            String build, Map<String, String> notes) throws IOException {
        String text = Files.exists(file) ? Files.readString(file) : HEADER;
        String machine = machine();
        String date = started.withZoneSameInstant(ZoneOffset.UTC)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        for (String benchmark : TITLES.keySet()) {
            List<Result> own = results.stream().filter(r -> r.benchmark().equals(benchmark)).toList();
            if (own.isEmpty()) {
                continue;
            }
            String begin = "<!-- bench:" + benchmark + " -->";
            String end = "<!-- /bench:" + benchmark + " -->";
            String section = begin + "\n## " + TITLES.get(benchmark) + "\n\n"
                    + "`" + command + "`, run started " + date + "; " + machine + "; load average "
                    + "%.2f".formatted(own.get(0).loadAverage()) + " at its start; " + build + ".\n\n"
                    + table(own)
                    + (notes.containsKey(benchmark) ? "\n" + notes.get(benchmark).strip() + "\n" : "")
                    + end;
            int from = text.indexOf(begin);
            int to = text.indexOf(end);
            if (from >= 0 && to > from) {
                text = text.substring(0, from) + section + text.substring(to + end.length());
            } else {
                text = text.stripTrailing() + "\n\n" + section + "\n";
            }
        }
        Files.writeString(file, text);
        Progress.say("Wrote %s", file);
    }

    /**
     * Which code the services ran: the commit, and the modules whose working tree differed from it when
     * the run began (the stack runs whatever each module's target/ held when it started).
     */
    static String build(Path root) {
        try {
            String commit = git(root, "rev-parse", "--short", "HEAD").strip();
            String changed = git(root, "status", "--porcelain", "--", "chassis", "invoicing-service",
                    "payments-service", "credit-service", "collections-service", "kpi-service").lines()
                    .map(line -> line.substring(3).split("/")[0]).distinct().collect(Collectors.joining(", "));
            return "services built from commit " + commit
                    + (changed.isEmpty() ? "" : " with uncommitted changes in " + changed);
        } catch (IOException e) {
            return "commit unknown";
        }
    }

    private static String git(Path root, String... arguments) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-C", root.toString()));
        command.addAll(List.of(arguments));
        Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
        return new String(git.getInputStream().readAllBytes());
    }

    /** "2 cores (nproc), 23 GiB (free -g), <cpu model>". */
    static String machine() {
        String memory = "?";
        try {
            Process free = new ProcessBuilder("free", "-g").redirectErrorStream(true).start();
            String output = new String(free.getInputStream().readAllBytes());
            memory = output.lines().filter(l -> l.startsWith("Mem:")).map(l -> l.split("\\s+")[1]).findFirst()
                    .orElse("?");
        } catch (IOException e) {
            // Reported as "?".
        }
        String cpu = "";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("");
        } catch (IOException e) {
            // Left out.
        }
        return "%d cores (nproc), %s GiB memory (free -g)%s".formatted(Runtime.getRuntime().availableProcessors(),
                memory, cpu.isEmpty() ? "" : ", " + cpu);
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 100) {
            return "%,.0f".formatted(value);
        }
        if (magnitude >= 10) {
            return "%.1f".formatted(value);
        }
        if (magnitude >= 0.1 || magnitude == 0) {
            return "%.2f".formatted(value);
        }
        return new java.math.BigDecimal(value).round(new java.math.MathContext(2)).toPlainString();
    }

    static String joined(List<String> parts) {
        return parts.stream().collect(Collectors.joining(", "));
    }
}
