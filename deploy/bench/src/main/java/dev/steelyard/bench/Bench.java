package dev.steelyard.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the chosen benchmarks against the benchmarks' own local stack and prints the table;
 * {@code --write} also updates their sections of BENCHMARKS.md. Usage in deploy/bench/README.md.
 */
public final class Bench {

    /**
     * Freshness first, on a stack without a backlog; queries last, since the history they seed keeps the
     * other services busy long after.
     */
    private static final List<String> ORDER = List.of(FreshnessBenchmark.NAME, IntakeBenchmark.NAME,
            WebhookBenchmark.NAME, MemoryBenchmark.NAME, RebuildBenchmark.NAME, QueryBenchmark.NAME);

    public static void main(String[] arguments) throws Exception {
        Set<String> chosen = new LinkedHashSet<>();
        boolean write = false;
        boolean keep = false;
        int rounds = 3;
        int clients = 8;
        List<Integer> history = List.of(10_000, 100_000, 1_000_000);
        double seedBudget = 20;
        Double heavyRate = null;
        for (int i = 0; i < arguments.length; i++) {
            String argument = arguments[i];
            switch (argument) {
                case "all" -> chosen.addAll(ORDER);
                case "--write" -> write = true;
                case "--keep" -> keep = true;
                case "--rounds" -> rounds = Integer.parseInt(arguments[++i]);
                case "--clients" -> clients = Integer.parseInt(arguments[++i]);
                case "--history" -> history = Arrays.stream(arguments[++i].split(",")).map(String::trim)
                        .map(Integer::parseInt).toList();
                case "--seed-budget-minutes" -> seedBudget = Double.parseDouble(arguments[++i]);
                case "--heavy-rate" -> heavyRate = Double.parseDouble(arguments[++i]);
                default -> {
                    if (!ORDER.contains(argument)) {
                        System.err.println("Unknown argument '" + argument + "'. Usage: deploy/bench/run "
                                + "[intake|webhooks|freshness|queries|rebuild|memory|all]... [--write] [--keep]"
                                + " [--rounds N] [--clients N] [--history 10000,100000,1000000]"
                                + " [--seed-budget-minutes 20] [--heavy-rate invoices/s]");
                        System.exit(2);
                    }
                    chosen.add(argument);
                }
            }
        }
        if (chosen.isEmpty()) {
            chosen.addAll(ORDER);
        }
        Path root = Path.of(System.getProperty("steelyard.root", ".")).toAbsolutePath().normalize();
        BenchStack stack = new BenchStack(root);
        String build = Report.build(root);
        java.time.ZonedDateTime begun = java.time.ZonedDateTime.now();
        Progress.say("Steelyard benchmarks: %s; %s; load average %.2f", String.join(", ", chosen), Report.machine(),
                Progress.loadAverage());
        boolean started = stack.upIfNeeded();
        BenchContext context = new BenchContext(stack, rounds, clients, history, seedBudget);
        context.heavyRate = heavyRate;
        Map<String, String> notes = new LinkedHashMap<>();
        long begin = System.nanoTime();
        Map<String, Double> durations = new LinkedHashMap<>();
        List<String> failed = new ArrayList<>();
        try {
            MemoryBenchmark memory = new MemoryBenchmark(context);
            if (chosen.contains(MemoryBenchmark.NAME)) {
                memory.atRest();
            }
            for (String name : ORDER.stream().filter(chosen::contains).toList()) {
                long start = System.nanoTime();
                Progress.say("=== %s (load average %.2f)", name, Progress.loadAverage());
                try {
                    switch (name) {
                        case IntakeBenchmark.NAME -> new IntakeBenchmark(context).run();
                        case WebhookBenchmark.NAME -> new WebhookBenchmark(context).run();
                        case FreshnessBenchmark.NAME -> new FreshnessBenchmark(context).run();
                        case RebuildBenchmark.NAME -> new RebuildBenchmark(context).run();
                        case QueryBenchmark.NAME -> notes.put(name, new QueryBenchmark(context).run());
                        case MemoryBenchmark.NAME -> memory.run();
                        default -> throw new IllegalStateException(name);
                    }
                } catch (Exception e) {
                    // One broken benchmark should not cost the figures of the others.
                    Progress.say("=== %s FAILED: %s", name, e);
                    e.printStackTrace(System.out);
                    failed.add(name);
                }
                durations.put(name, (System.nanoTime() - start) / 1e9);
                Progress.say("=== %s took %.0f s", name, durations.get(name));
            }
        } finally {
            Report.print(context.results);
            List<String> took = new ArrayList<>();
            durations.forEach((name, seconds) -> took.add("%s %.0f s".formatted(name, seconds)));
            Progress.say("Took %.0f s in all (%s)", (System.nanoTime() - begin) / 1e9, Report.joined(took));
            if (write && !context.results.isEmpty()) {
                durations.entrySet().stream().filter(d -> d.getValue() >= 1).forEach(d -> notes.merge(d.getKey(),
                        "The benchmark took %.0f s.".formatted(d.getValue()), (a, b) -> a.strip() + "\n\n" + b));
                Report.write(root.resolve("BENCHMARKS.md"), context.results,
                        "deploy/bench/run " + String.join(" ", arguments), begun, build, notes);
            }
            if (started && !keep) {
                stack.down();
            }
            if (!failed.isEmpty()) {
                Progress.say("Failed: %s", Report.joined(failed));
                System.exit(1);
            }
        }
    }
}
