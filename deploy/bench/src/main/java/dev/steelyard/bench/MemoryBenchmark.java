package dev.steelyard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Resident memory (VmRSS) of each service, Kafka and PostgreSQL's postmaster, at rest and at the end of
 * the intake load. Reference: the heap limit the local stack gives every service (-Xmx384m).
 */
public final class MemoryBenchmark {

    static final String NAME = "memory";
    static final long HEAP_LIMIT_KIB = 384 * 1024;
    private static final double LOAD_SECONDS = 30;

    private final BenchContext context;

    public MemoryBenchmark(BenchContext context) {
        this.context = context;
    }

    /** At rest: after the stack has had a quiet moment. */
    public void atRest() {
        Progress.say("memory: at rest (10 s quiet first)");
        Progress.pause(10_000);
        context.memoryAtRest = snapshot(context.stack);
    }

    /** Runs its own short intake load when the intake benchmark did not run in this invocation. */
    public void run() throws Exception {
        double load = Progress.loadAverage();
        if (context.memoryAtRest == null) {
            atRest();
        }
        if (context.memoryUnderLoad == null) {
            Progress.say("memory: %.0f s of intake load (POST /invoices, %d clients)", LOAD_SECONDS, context.clients);
            String entity = context.entity("M");
            ClosedLoop.run(context.clients, LOAD_SECONDS, client -> {
                context.suite.expectOk(context.suite.invoiceRequest(context.invoice(entity)));
                return 1;
            });
            context.memoryUnderLoad = snapshot(context.stack);
            context.memoryUnderLoadLoadAverage = Progress.loadAverage();
        }
        for (String process : context.memoryAtRest.keySet()) {
            boolean service = BenchStack.SERVICES.contains(process);
            String reference = service ? "heap limit (-Xmx384m)" : "";
            double limit = service ? HEAP_LIMIT_KIB / 1024.0 : Double.NaN;
            context.add(Result.of(NAME, process + " RSS at rest", "MiB", context.memoryAtRest.get(process) / 1024.0,
                    Double.NaN, reference, limit, Double.NaN, load));
            context.add(Result.of(NAME, process + " RSS at the end of the intake load", "MiB",
                    context.memoryUnderLoad.getOrDefault(process, 0L) / 1024.0, Double.NaN, reference, limit,
                    Double.NaN, context.memoryUnderLoadLoadAverage));
        }
    }

    /** VmRSS in KiB of every process in the stack's pid files. */
    public static Map<String, Long> snapshot(BenchStack stack) {
        Map<String, Long> rss = new LinkedHashMap<>();
        stack.pids().forEach((name, pid) -> {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", pid.toString(), "status"))) {
                    if (line.startsWith("VmRSS:")) {
                        rss.put(name, Long.parseLong(line.replaceAll("[^0-9]", "")));
                    }
                }
            } catch (IOException e) {
                Progress.say("memory: cannot read /proc/%d/status (%s): %s", pid, name, e.getMessage());
            }
        });
        return rss;
    }
}
