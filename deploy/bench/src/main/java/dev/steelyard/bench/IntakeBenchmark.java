package dev.steelyard.bench;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.HdrHistogram.Histogram;

/**
 * Invoice intake: invoices per second through POST /invoices and POST /invoices/batch with concurrent
 * clients, then p50/p99 latency at half the single-invoice rate from an open-loop generator. Reference:
 * one-row commits per second (and their latency at the same rate) of the same PostgreSQL.
 */
public final class IntakeBenchmark {

    static final String NAME = "intake";
    private static final int BATCH_SIZE = 100;
    private static final double ROUND_SECONDS = 10;
    private static final double REFERENCE_SECONDS = 6;
    private static final double LATENCY_SECONDS = 15;

    private final BenchContext context;
    private final Suite suite;
    private final String entity;

    public IntakeBenchmark(BenchContext context) {
        this.context = context;
        this.suite = context.suite;
        this.entity = context.entity("I");
    }

    public void run() throws Exception {
        double load = Progress.loadAverage();
        int clients = context.clients;
        int batchClients = Math.max(1, clients / 2);
        try (PostgresCommits postgres = new PostgresCommits(context.stack, clients)) {
            Progress.say("intake: warm-up (%.0f s single, %.0f s batch, %.0f s PostgreSQL)", ROUND_SECONDS,
                    ROUND_SECONDS, REFERENCE_SECONDS);
            single(clients, ROUND_SECONDS);
            batch(batchClients, ROUND_SECONDS);
            postgres.throughput(clients, REFERENCE_SECONDS);

            Samples reference = new Samples();
            Samples singles = new Samples();
            Samples batches = new Samples();
            for (int round = 1; round <= context.rounds; round++) {
                reference.add(postgres.throughput(clients, REFERENCE_SECONDS));
                singles.add(single(clients, ROUND_SECONDS));
                batches.add(batch(batchClients, ROUND_SECONDS));
                Progress.say("intake: round %d of %d: PostgreSQL %.0f commits/s, POST /invoices %.1f/s,"
                        + " batch %.1f invoices/s (load %.2f)", round, context.rounds, last(reference),
                        last(singles), last(batches), Progress.loadAverage());
                if (round == context.rounds) {
                    context.memoryUnderLoad = MemoryBenchmark.snapshot(context.stack);
                    context.memoryUnderLoadLoadAverage = Progress.loadAverage();
                }
            }
            context.intakePerSecond = singles.median();
            String referenceName = "PostgreSQL one-row commits/s, " + clients + " connections";
            context.add(Result.of(NAME, "POST /invoices, " + clients + " clients", "invoices/s", singles.median(),
                    Double.NaN, referenceName, reference.median(), Double.NaN, load));
            context.add(Result.of(NAME, "POST /invoices/batch (" + BATCH_SIZE + " per request), " + batchClients
                    + " clients", "invoices/s", batches.median(), Double.NaN, referenceName, reference.median(),
                    Double.NaN, load));

            double rate = Math.max(1, singles.median() / 2);
            Progress.say("intake: latency at half load, %.1f invoices/s open loop, %d rounds of %.0f s", rate,
                    context.rounds, LATENCY_SECONDS);
            Samples p50 = new Samples();
            Samples p99 = new Samples();
            Samples referenceP50 = new Samples();
            Samples referenceP99 = new Samples();
            for (int round = 1; round <= context.rounds; round++) {
                Latencies commits = new Latencies();
                OpenLoop.run(rate, REFERENCE_SECONDS, commits, postgres::commitAsync);
                Latencies posts = new Latencies();
                long failed = OpenLoop.run(rate, LATENCY_SECONDS, posts,
                        () -> suite.sendAsync(suite.invoiceRequest(context.invoice(entity))));
                Histogram h = posts.histogram();
                Histogram r = commits.histogram();
                p50.add(Latencies.millis(h, 50));
                p99.add(Latencies.millis(h, 99));
                referenceP50.add(Latencies.millis(r, 50));
                referenceP99.add(Latencies.millis(r, 99));
                Progress.say("intake: latency round %d of %d: POST /invoices p50 %.1f ms p99 %.1f ms (%d failed);"
                        + " PostgreSQL commit p50 %.2f ms p99 %.2f ms (load %.2f)", round, context.rounds,
                        last(p50), last(p99), failed, last(referenceP50), last(referenceP99), Progress.loadAverage());
            }
            context.add(Result.of(NAME, "POST /invoices latency at %.0f/s (half load)".formatted(rate), "ms",
                    p50.median(), p99.median(), "PostgreSQL one-row commit at the same rate", referenceP50.median(),
                    referenceP99.median(), load));
        }
    }

    private double single(int clients, double seconds) {
        return ClosedLoop.run(clients, seconds, client -> {
            HttpResponse<String> response = suite.send(suite.invoiceRequest(context.invoice(entity)));
            if (response.statusCode() != 201) {
                throw new IllegalStateException("POST /invoices answered " + response.statusCode() + ": "
                        + response.body());
            }
            return 1;
        });
    }

    private double batch(int clients, double seconds) {
        return ClosedLoop.run(clients, seconds, client -> {
            List<Suite.Invoice> invoices = new ArrayList<>(BATCH_SIZE);
            for (int i = 0; i < BATCH_SIZE; i++) {
                invoices.add(context.invoice(entity));
            }
            HttpResponse<String> response = suite.send(suite.batchRequest(invoices));
            if (response.statusCode() != 200 || !response.body().startsWith("{\"created\":" + BATCH_SIZE + ",")) {
                throw new IllegalStateException("POST /invoices/batch answered " + response.statusCode() + ": "
                        + response.body().substring(0, Math.min(300, response.body().length())));
            }
            return BATCH_SIZE;
        });
    }

    static double last(Samples samples) {
        List<Double> values = samples.values();
        return values.get(values.size() - 1);
    }
}
