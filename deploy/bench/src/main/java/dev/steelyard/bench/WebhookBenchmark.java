package dev.steelyard.bench;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.HdrHistogram.Histogram;

/**
 * Webhook intake: signed Standard Webhooks payment.received deliveries per second with concurrent
 * senders, then p50/p99 answer time at half that rate from an open-loop generator. payments-service
 * answers once the delivery is stored, so the reference is the same as for invoices: one-row commits of
 * the same PostgreSQL, per second and at the same rate.
 */
public final class WebhookBenchmark {

    static final String NAME = "webhooks";
    private static final double ROUND_SECONDS = 10;
    private static final double REFERENCE_SECONDS = 6;
    private static final double LATENCY_SECONDS = 15;

    private final BenchContext context;
    private final Suite suite;
    private final String entity;

    public WebhookBenchmark(BenchContext context) {
        this.context = context;
        this.suite = context.suite;
        this.entity = context.entity("W");
    }

    public void run() throws Exception {
        double load = Progress.loadAverage();
        int clients = context.clients;
        try (PostgresCommits postgres = new PostgresCommits(context.stack, clients)) {
            Progress.say("webhooks: warm-up (%.0f s webhooks, %.0f s PostgreSQL)", ROUND_SECONDS, REFERENCE_SECONDS);
            deliveries(clients, ROUND_SECONDS);
            postgres.throughput(clients, REFERENCE_SECONDS);
            Samples reference = new Samples();
            Samples webhooks = new Samples();
            for (int round = 1; round <= context.rounds; round++) {
                reference.add(postgres.throughput(clients, REFERENCE_SECONDS));
                webhooks.add(deliveries(clients, ROUND_SECONDS));
                Progress.say("webhooks: round %d of %d: PostgreSQL %.0f commits/s, webhooks %.1f/s (load %.2f)",
                        round, context.rounds, IntakeBenchmark.last(reference), IntakeBenchmark.last(webhooks),
                        Progress.loadAverage());
            }
            context.add(Result.of(NAME, "POST /webhooks/standard, signed, " + clients + " clients", "webhooks/s",
                    webhooks.median(), Double.NaN, "PostgreSQL one-row commits/s, " + clients + " connections",
                    reference.median(), Double.NaN, load));

            double rate = Math.max(1, webhooks.median() / 2);
            Progress.say("webhooks: answer time at half load, %.1f webhooks/s open loop, %d rounds of %.0f s", rate,
                    context.rounds, LATENCY_SECONDS);
            Samples p50 = new Samples();
            Samples p99 = new Samples();
            Samples referenceP50 = new Samples();
            Samples referenceP99 = new Samples();
            for (int round = 1; round <= context.rounds; round++) {
                Latencies commits = new Latencies();
                OpenLoop.run(rate, REFERENCE_SECONDS, commits, postgres::commitAsync);
                Latencies answers = new Latencies();
                long failed = OpenLoop.run(rate, LATENCY_SECONDS, answers, () -> suite.sendAsync(webhook()));
                Histogram h = answers.histogram();
                Histogram r = commits.histogram();
                p50.add(Latencies.millis(h, 50));
                p99.add(Latencies.millis(h, 99));
                referenceP50.add(Latencies.millis(r, 50));
                referenceP99.add(Latencies.millis(r, 99));
                Progress.say("webhooks: latency round %d of %d: p50 %.1f ms p99 %.1f ms (%d failed); PostgreSQL"
                        + " commit p50 %.2f ms p99 %.2f ms (load %.2f)", round, context.rounds, last(p50), last(p99),
                        failed, last(referenceP50), last(referenceP99), Progress.loadAverage());
            }
            context.add(Result.of(NAME, "webhook answer time at %.0f/s (half load)".formatted(rate), "ms",
                    p50.median(), p99.median(), "PostgreSQL one-row commit at the same rate", referenceP50.median(),
                    referenceP99.median(), load));
        }
    }

    /** A payment for a customer without invoices, so its cash stays unapplied (no reference to wait for). */
    private HttpRequest webhook() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return suite.paymentWebhook(entity, "C" + random.nextInt(500), BenchContext.amount(random),
                LocalDate.of(2024, 1, 1).plusDays(random.nextInt(366)), List.of());
    }

    private double deliveries(int clients, double seconds) {
        return ClosedLoop.run(clients, seconds, client -> {
            HttpResponse<String> response = suite.send(webhook());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("webhook answered " + response.statusCode() + ": " + response.body());
            }
            return 1;
        });
    }

    private static double last(Samples samples) {
        return IntakeBenchmark.last(samples);
    }
}
