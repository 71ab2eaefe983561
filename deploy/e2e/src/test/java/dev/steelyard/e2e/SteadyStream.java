package dev.steelyard.e2e;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import dev.steelyard.local.load.Delivery;
import dev.steelyard.local.load.ReceivableRow;
import dev.steelyard.local.load.SuiteClient;

/**
 * A steady stream of invoices to invoicing-service and signed payment webhooks to
 * payments-service, a few a second, from a few clients that behave as real ones do: a request
 * refused (5xx, no connection) is sent again, unchanged, until it is answered 2xx; only then does
 * it count as accepted. The same invoice and the same webhook id again are replays the services
 * answer without a second effect, so retrying is safe. Any other answer is recorded as unexpected.
 */
final class SteadyStream {

    /** One invoice the suite accepted, and whether its payment (in full) was accepted too. */
    record Accepted(ReceivableRow row, boolean paid) {
    }

    private static final int CLIENTS = 3;
    private static final Duration PACE = Duration.ofMillis(300);
    private static final Duration RETRY_PAUSE = Duration.ofMillis(500);

    private final SuiteClient client;
    private final String entity;
    private final List<String> customers;
    private final YearMonth month;
    private final AtomicInteger next = new AtomicInteger();
    private final Map<String, Accepted> accepted = new ConcurrentHashMap<>();
    private final AtomicInteger acceptedRequests = new AtomicInteger();
    private final Map<String, AtomicInteger> refusals = new ConcurrentHashMap<>();
    private final List<String> unexpected = new CopyOnWriteArrayList<>();
    private final List<Thread> clients = new ArrayList<>();
    private volatile boolean running;
    private volatile long giveUpAt = Long.MAX_VALUE;

    SteadyStream(SuiteClient client, String entity, List<String> customers, YearMonth month) {
        this.client = client;
        this.entity = entity;
        this.customers = customers;
        this.month = month;
    }

    void start() {
        running = true;
        for (int i = 0; i < CLIENTS; i++) {
            Thread thread = new Thread(this::send, "steady-stream-" + i);
            thread.setDaemon(true);
            clients.add(thread);
            thread.start();
        }
    }

    /** Starts no new invoice; what is under way is retried until accepted or until the time is up. */
    void stop(Duration finishWithin) throws InterruptedException {
        running = false;
        giveUpAt = System.nanoTime() + finishWithin.toNanos();
        for (Thread thread : clients) {
            thread.join(finishWithin.toMillis() + 5_000);
        }
    }

    int acceptedRequests() {
        return acceptedRequests.get();
    }

    /** Every invoice that was accepted, by invoice number. */
    Map<String, Accepted> accepted() {
        return Map.copyOf(accepted);
    }

    /** Refused attempts by reason ("503", "no connection", ...); they were sent again. */
    Map<String, Integer> refusals() {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        refusals.forEach((reason, count) -> counts.put(reason, count.get()));
        return counts;
    }

    int refusalCount() {
        return refusals.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** Answers that were neither accepted nor a refusal worth retrying, and requests given up on. */
    List<String> unexpected() {
        return List.copyOf(unexpected);
    }

    private void send() {
        Random random = new Random(Thread.currentThread().getName().hashCode());
        while (running) {
            int n = next.incrementAndGet();
            ReceivableRow row = row(n, random);
            if (!deliver("invoice " + row.invoiceNumber(), () -> client.postInvoice(row))) {
                continue;
            }
            boolean paid = row.settledDate() != null && deliver("payment of " + row.invoiceNumber(),
                    () -> client.postPayment(new Delivery.PaymentWebhook(row, "fault-" + row.invoiceNumber())));
            accepted.put(row.invoiceNumber(), new Accepted(row, paid));
            pause(PACE);
        }
    }

    /** Invoices of the month spread over its first 20 days and the customers; three in five paid a few days later. */
    private ReceivableRow row(int n, Random random) {
        var issued = month.atDay(1 + n % 20);
        BigDecimal amount = BigDecimal.valueOf(10_000 + random.nextInt(490_000), 2);
        boolean paid = n % 5 < 3;
        return new ReceivableRow(entity, customers.get(n % customers.size()), String.format("F-%06d", n), issued,
                issued.plusDays(30), amount, paid ? issued.plusDays(1 + n % 7) : null);
    }

    /** Sends until answered 2xx; false if the answer was unexpected or the time ran out. */
    private boolean deliver(String what, Supplier<SuiteClient.Answer> request) {
        while (true) {
            String refusal;
            try {
                SuiteClient.Answer answer = request.get();
                if (answer.status() >= 200 && answer.status() < 300) {
                    acceptedRequests.incrementAndGet();
                    return true;
                }
                if (answer.status() < 500) {
                    unexpected.add(what + ": " + answer.status() + " " + answer.body());
                    return false;
                }
                refusal = Integer.toString(answer.status());
            } catch (IllegalStateException e) {
                refusal = "no connection";
            }
            refusals.computeIfAbsent(refusal, r -> new AtomicInteger()).incrementAndGet();
            if (System.nanoTime() > giveUpAt) {
                unexpected.add(what + ": still refused (" + refusal + ") when the stream stopped");
                return false;
            }
            pause(RETRY_PAUSE);
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
