package dev.steelyard.local.load;

import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends a replay plan to the suite with a few concurrent clients, with a progress bar. In
 * business-date order a day's deliveries go out together and the next day waits for them.
 */
public final class Replay {

    /** What the replay achieved. */
    public record Outcome(int sent, int failed, Duration elapsed, List<String> firstFailures) {

        public double rate() {
            return sent / Math.max(0.001, elapsed.toMillis() / 1000.0);
        }
    }

    private final SuiteClient suite;
    private final int concurrency;
    private final PrintStream progress;

    public Replay(SuiteClient suite, int concurrency, PrintStream progress) {
        this.suite = suite;
        this.concurrency = concurrency;
        this.progress = progress;
    }

    public Outcome run(List<Delivery> plan, boolean inBusinessDateOrder) {
        ProgressBar bar = new ProgressBar(progress, plan.size());
        AtomicInteger failed = new AtomicInteger();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        long started = System.nanoTime();
        ExecutorService clients = Executors.newFixedThreadPool(concurrency);
        try {
            for (List<Delivery> wave : waves(plan, inBusinessDateOrder)) {
                List<Future<?>> sent = new ArrayList<>();
                for (Delivery delivery : wave) {
                    sent.add(clients.submit(() -> {
                        SuiteClient.Answer answer = delivery instanceof Delivery.PaymentWebhook payment
                                ? suite.postPayment(payment)
                                : suite.postInvoice(delivery.row());
                        if (!answer.ok()) {
                            failed.incrementAndGet();
                            if (failures.size() < 5) {
                                failures.add(describe(delivery) + " answered " + answer.status() + ": " + answer.body());
                            }
                        }
                        bar.advance();
                    }));
                }
                for (Future<?> future : sent) {
                    future.get();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("replay interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } finally {
            clients.shutdownNow();
            bar.finish();
        }
        return new Outcome(plan.size(), failed.get(), Duration.ofNanos(System.nanoTime() - started), failures);
    }

    private List<List<Delivery>> waves(List<Delivery> plan, boolean inBusinessDateOrder) {
        if (!inBusinessDateOrder) {
            return List.of(plan);
        }
        Map<LocalDate, List<Delivery>> byDay = new LinkedHashMap<>();
        for (Delivery delivery : plan) {
            byDay.computeIfAbsent(delivery.businessDate(), d -> new ArrayList<>()).add(delivery);
        }
        List<List<Delivery>> waves = new ArrayList<>();
        for (List<Delivery> day : byDay.values()) {
            // Invoices of a day before its payments, so a same-day payment finds its invoice.
            List<Delivery> invoices = day.stream().filter(d -> d instanceof Delivery.InvoicePost).toList();
            List<Delivery> payments = day.stream().filter(d -> d instanceof Delivery.PaymentWebhook).toList();
            if (!invoices.isEmpty()) {
                waves.add(invoices);
            }
            if (!payments.isEmpty()) {
                waves.add(payments);
            }
        }
        return waves;
    }

    private static String describe(Delivery delivery) {
        return (delivery instanceof Delivery.PaymentWebhook ? "payment of " : "invoice ")
                + delivery.row().legalEntity() + "/" + delivery.row().invoiceNumber();
    }
}
