package dev.steelyard.bench;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Freshness: from the 2xx of an invoice post (or a payment webhook) to the first summary on
 * GET /kpis/stream, subscribed for an entity of its own, that shows its effect (credit sales, or ending
 * AR, at the expected total). Light load: one at a time. Heavy load: the same while the intake
 * generator posts invoices of another entity at half the intake rate (open loop). Reference: a bare
 * Kafka producer-to-consumer round trip sampled beside each measurement.
 */
public final class FreshnessBenchmark {

    static final String NAME = "freshness";
    private static final int SAMPLES_PER_ROUND = 40;
    private static final int WAIT_SECONDS = 30;
    private static final int GIVE_UP_AFTER_MISSES = 3;
    private static final YearMonth MONTH = YearMonth.of(2024, 3);

    private final BenchContext context;
    private final Suite suite;

    public FreshnessBenchmark(BenchContext context) {
        this.context = context;
        this.suite = context.suite;
    }

    public void run() throws Exception {
        double backgroundRate = backgroundRate();
        try (KafkaProbe probe = new KafkaProbe(context.stack.kafkaBootstrap())) {
            measure("light load", 0, probe);
            measure("heavy load", backgroundRate, probe);
        }
    }

    /**
     * Given with --heavy-rate, else half the single-invoice intake rate: as the intake benchmark measured
     * it, or measured here (10 s warm-up, 10 s).
     */
    private double backgroundRate() {
        if (context.heavyRate != null) {
            return context.heavyRate;
        }
        if (context.intakePerSecond == null) {
            Progress.say("freshness: measuring the intake rate for the heavy load (10 s warm-up, 10 s, %d clients)",
                    context.clients);
            String entity = context.entity("L");
            ClosedLoop.Action post = client -> {
                context.suite.expectOk(suite.invoiceRequest(context.invoice(entity)));
                return 1;
            };
            ClosedLoop.run(context.clients, 10, post);
            context.intakePerSecond = ClosedLoop.run(context.clients, 10, post);
        }
        return Math.max(1, context.intakePerSecond / 2);
    }

    private void measure(String label, double backgroundRate, KafkaProbe probe) throws Exception {
        KpiLag.awaitCaughtUp(context.stack, Duration.ofMinutes(10));
        double load = Progress.loadAverage();
        String entity = context.entity("F" + (backgroundRate > 0 ? "H" : "L"));
        AtomicBoolean stop = new AtomicBoolean();
        Thread background = null;
        if (backgroundRate > 0) {
            String backgroundEntity = context.entity("G");
            background = new Thread(() -> {
                while (!stop.get()) {
                    OpenLoop.run(backgroundRate, 5, new Latencies(),
                            () -> suite.sendAsync(suite.invoiceRequest(context.invoice(backgroundEntity))));
                }
            }, "intake-generator");
            background.start();
            Progress.say("freshness: %s, intake generator at %.1f invoices/s; 5 s to settle", label, backgroundRate);
            Progress.pause(5_000);
        }
        Samples invoiceP50 = new Samples();
        Samples invoiceP99 = new Samples();
        Samples paymentP50 = new Samples();
        Samples paymentP99 = new Samples();
        Samples probeP50 = new Samples();
        Samples probeP99 = new Samples();
        int missed = 0;
        int consecutiveMisses = 0;
        String gaveUp = null;
        try (KpiStream stream = new KpiStream(suite, entity, MONTH)) {
            if (stream.await(s -> true, 30) == null) {
                throw new IllegalStateException("GET /kpis/stream sent no first summary within 30 s");
            }
            BigDecimal sales = BigDecimal.ZERO;
            BigDecimal ar = BigDecimal.ZERO;
            for (int round = 0; round <= context.rounds; round++) {
                boolean warmUp = round == 0;
                Samples invoices = new Samples();
                Samples payments = new Samples();
                Samples probes = new Samples();
                int count = warmUp ? 5 : SAMPLES_PER_ROUND;
                for (int i = 0; i < count; i++) {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    BigDecimal amount = BenchContext.amount(random);
                    Suite.Invoice invoice = new Suite.Invoice(entity, context.runTag + "-F" + round + "-" + i,
                            "C" + random.nextInt(20), MONTH.atDay(1 + random.nextInt(10)), amount);
                    HttpResponse<String> posted = suite.send(suite.invoiceRequest(invoice));
                    long answered = System.nanoTime();
                    if (posted.statusCode() != 201) {
                        throw new IllegalStateException("POST /invoices answered " + posted.statusCode());
                    }
                    BigDecimal expectedSales = sales.add(amount);
                    BigDecimal expectedAr = ar.add(amount);
                    KpiStream.Summary shown = stream.await(s -> s.creditSales().compareTo(expectedSales) == 0, WAIT_SECONDS);
                    sales = expectedSales;
                    ar = expectedAr;
                    if (shown == null) {
                        missed++;
                        consecutiveMisses++;
                    } else {
                        consecutiveMisses = 0;
                        invoices.add(Math.max(0, shown.arrivedNanos() - answered) / 1e6);
                    }

                    LocalDate valueDate = invoice.issueDate().plusDays(1 + random.nextInt(10));
                    HttpResponse<String> paid = suite.send(suite.paymentWebhook(entity, invoice.customerId(), amount,
                            valueDate, List.of(invoice.invoiceNumber())));
                    answered = System.nanoTime();
                    if (paid.statusCode() / 100 != 2) {
                        throw new IllegalStateException("webhook answered " + paid.statusCode() + ": " + paid.body());
                    }
                    BigDecimal expectedAfterPayment = ar.subtract(amount);
                    shown = stream.await(s -> s.endingAR().compareTo(expectedAfterPayment) == 0, WAIT_SECONDS);
                    ar = expectedAfterPayment;
                    if (shown == null) {
                        missed++;
                        consecutiveMisses++;
                    } else {
                        consecutiveMisses = 0;
                        payments.add(Math.max(0, shown.arrivedNanos() - answered) / 1e6);
                    }
                    if (consecutiveMisses >= GIVE_UP_AFTER_MISSES) {
                        break;
                    }
                    probes.add(probe.roundTrip() / 1e6);
                    Progress.pause(100);
                }
                if (consecutiveMisses >= GIVE_UP_AFTER_MISSES) {
                    try (var admin = KpiLag.admin(context.stack)) {
                        gaveUp = ("gave up: %d effects in a row not seen within %d s; kpi-service was %,d events"
                                + " behind").formatted(consecutiveMisses, WAIT_SECONDS, KpiLag.lag(admin));
                    }
                    Progress.say("freshness: %s %s", label, gaveUp);
                    break;
                }
                if (!warmUp) {
                    invoiceP50.add(invoices.median());
                    invoiceP99.add(invoices.p99());
                    paymentP50.add(payments.median());
                    paymentP99.add(payments.p99());
                    probeP50.add(probes.median());
                    probeP99.add(probes.p99());
                    Progress.say("freshness: %s round %d of %d: invoice p50 %.0f ms p99 %.0f ms, payment p50 %.0f ms"
                            + " p99 %.0f ms, Kafka round trip p50 %.1f ms p99 %.1f ms (load %.2f)", label, round,
                            context.rounds, invoices.median(), invoices.p99(), payments.median(), payments.p99(),
                            probes.median(), probes.p99(), Progress.loadAverage());
                }
            }
        } finally {
            stop.set(true);
            if (background != null) {
                background.join();
            }
        }
        String at = backgroundRate > 0 ? "%s, %.0f invoices/s intake".formatted(label, backgroundRate) : label;
        Result invoice = Result.of(NAME, "invoice 2xx to KPI stream, " + at, "ms", invoiceP50.median(),
                invoiceP99.median(), "bare Kafka producer-to-consumer round trip", probeP50.median(),
                probeP99.median(), load);
        Result payment = Result.of(NAME, "payment webhook 2xx to KPI stream, " + at, "ms", paymentP50.median(),
                paymentP99.median(), "bare Kafka producer-to-consumer round trip", probeP50.median(),
                probeP99.median(), load);
        if (gaveUp != null) {
            invoice = invoice.withNote(gaveUp);
            payment = payment.withNote(gaveUp);
        } else if (missed > 0) {
            invoice = invoice.withNote(missed + " effects not seen within " + WAIT_SECONDS + " s");
        }
        context.add(invoice);
        context.add(payment);
    }
}
