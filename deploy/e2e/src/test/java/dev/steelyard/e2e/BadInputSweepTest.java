package dev.steelyard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.steelyard.local.load.StandardWebhookSigner;

/**
 * Issue #9, bad-input sweep: every operation in the five services' OpenAPI documents receives
 * malformed and hostile requests ({@link HostileRequests}), at least a thousand per operation ({@link GeneratedVariants} tops each up). Each
 * answer must be a 4xx application/problem+json, never a 5xx or a 2xx, and no row of any table of
 * the five databases may change. The victim data lives in its own legal entity (SWEEP-B); the
 * attacker's token is limited to another (SWEEP-A).
 */
@ExtendWith(SuiteExtension.class)
class BadInputSweepTest {

    private static final String VICTIM = "SWEEP-B";
    private static final String VICTIM_CUSTOMER = "SWEEP-B-C1";
    private static final String VICTIM_INVOICE = "SWEEP-B-0001";
    private static final int MINIMUM_PER_OPERATION = 1_000;
    private static final int CLIENTS = 8;
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void everyMalformedOrHostileRequestIsRefusedWithAProblemAndChangesNothing(Suite suite) throws Exception {
        long started = System.nanoTime();
        HostileRequests hostile = new HostileRequests(suite, victim(suite));
        List<HostileRequests.Probe> probes = new ArrayList<>();
        Map<String, Integer> perService = new TreeMap<>();
        for (String service : Suite.SERVICES) {
            List<OpenApiOperations.Operation> operations = OpenApiOperations.of(suite, service);
            assertTrue(operations.size() > 0, service + " documents no operation");
            Map<String, Set<String>> methodsByPath = new LinkedHashMap<>();
            Map<String, OpenApiOperations.Operation> anyByPath = new LinkedHashMap<>();
            int before = probes.size();
            for (OpenApiOperations.Operation operation : operations) {
                List<HostileRequests.Probe> ofOperation = new ArrayList<>(hostile.of(operation));
                new GeneratedVariants(operation.label().hashCode(), hostile.hostileAuthorizations())
                        .topUp(ofOperation, MINIMUM_PER_OPERATION);
                probes.addAll(ofOperation);
                methodsByPath.computeIfAbsent(operation.path(), p -> new LinkedHashSet<>()).add(operation.method());
                anyByPath.putIfAbsent(operation.path(), operation);
            }
            anyByPath.forEach((path, any) -> {
                probes.addAll(hostile.methodsNotAllowed(any, methodsByPath.get(path)));
                probes.add(hostile.headersOverLimit(any));
            });
            perService.put(service, probes.size() - before);
        }
        Map<String, String> before = DatabaseState.settled(suite, Duration.ofSeconds(2), Duration.ofSeconds(90));
        long sweepStarted = System.nanoTime();
        Map<String, Long> slowest = new ConcurrentHashMap<>();
        List<String> failures = send(probes, slowest);
        double sweepSeconds = (System.nanoTime() - sweepStarted) / 1e9;
        java.nio.file.Files.write(java.nio.file.Path.of("target/bad-input-sweep.txt"), failures);
        Map<String, String> after = DatabaseState.settled(suite, Duration.ofSeconds(2), Duration.ofSeconds(90));

        System.out.printf("BadInputSweepTest: %d requests %s in %.1f s; %.1f s in all; slowest answers (ms) %s%n",
                probes.size(), perService, sweepSeconds, (System.nanoTime() - started) / 1e9, slowest(slowest));
        assertEquals(List.of(), summary(failures), failures.size() + " answers were not a 4xx problem"
                + " (by operation and status, with the first example)");
        assertEquals(List.of(), DatabaseState.differences(before, after), "tables the sweep changed");
        GeneratedVariants.counts(probes).forEach((operation, count) -> assertTrue(count >= MINIMUM_PER_OPERATION,
                operation + ": only " + count + " requests sent"));
    }

    private static List<String> slowest(Map<String, Long> millis) {
        return millis.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(5)
                .map(entry -> entry.getValue() + " " + entry.getKey()).toList();
    }

    /** "GET /invoices -> 500: 2 times, e.g. ..." per operation and status. */
    private static List<String> summary(List<String> failures) {
        Map<String, List<String>> groups = new TreeMap<>();
        for (String failure : failures) {
            String operation = failure.substring(0, Math.max(0, failure.indexOf(" (")));
            String answer = failure.substring(failure.indexOf(" -> ") + 4);
            String key = operation + " -> " + answer.substring(0, Math.min(3, answer.length()));
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(failure);
        }
        List<String> summary = new ArrayList<>();
        groups.forEach((key, examples) -> summary.add(key + ": " + examples.size() + " times, e.g. "
                + examples.get(0).substring(examples.get(0).indexOf(" (")).replaceFirst("^ \\([A-Z]+\\): ", "")));
        return summary;
    }

    /** Sends every probe with a few clients; returns what was not a 4xx problem. */
    private static List<String> send(List<HostileRequests.Probe> probes, Map<String, Long> millis) throws Exception {
        Map<String, String> failures = new ConcurrentHashMap<>();
        AtomicInteger index = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                running.add(clients.submit(() -> {
                    for (int next = index.getAndIncrement(); next < probes.size(); next = index.getAndIncrement()) {
                        HostileRequests.Probe probe = probes.get(next);
                        long sent = System.nanoTime();
                        String problem = check(probe);
                        millis.put(probe.label(), (System.nanoTime() - sent) / 1_000_000);
                        if (problem != null) {
                            failures.put(probe.label(), problem);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        } finally {
            clients.shutdownNow();
        }
        List<String> sorted = new ArrayList<>();
        new TreeMap<>(failures).forEach((label, problem) -> sorted.add(label + " -> " + problem));
        return sorted;
    }

    /** Null if the answer is a 4xx problem+json whose status agrees; otherwise what was wrong. */
    private static String check(HostileRequests.Probe probe) {
        int status;
        String type;
        String fullBody;
        if (probe.oversizedLength() > 0) {
            try {
                OversizedBody.Answer answer = OversizedBody.send(probe, (int) ANSWER_TIMEOUT.toMillis());
                status = answer.status();
                type = answer.contentType();
                fullBody = answer.body();
            } catch (IOException e) {
                return "no answer: " + e;
            }
        } else {
            var answer = HTTP.sendAsync(probe.request(), HttpResponse.BodyHandlers.ofString());
            try {
                HttpResponse<String> response = answer.get(ANSWER_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                status = response.statusCode();
                type = response.headers().firstValue("Content-Type").orElse("");
                fullBody = response.body();
            } catch (TimeoutException e) {
                answer.cancel(true);
                return "no answer within " + ANSWER_TIMEOUT.toSeconds() + " s";
            } catch (ExecutionException e) {
                return "no answer: " + e.getCause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
        }
        String body = fullBody.length() > 300 ? fullBody.substring(0, 300) + "..." : fullBody;
        if (status == 200 && probe.request().uri().getPath().equals("/invoices/batch") && nothingCreated(fullBody)) {
            // A batch answers 200 with a problem per item, one bad item spoiling nothing else
            // (invoicing-service README); with nothing created or replayed it has refused them all.
            return null;
        }
        if (status == 431 && fullBody.isEmpty() && probe.label().endsWith(HostileRequests.HEADERS_OVER_LIMIT)) {
            return null; // refused by the HTTP server before the application (HostileRequests#headersOverLimit)
        }
        if (status < 400 || status >= 500) {
            return status + " " + type + " " + body;
        }
        if (!type.startsWith("application/problem+json")) {
            return status + " with Content-Type '" + type + "': " + body;
        }
        try {
            JsonNode problem = JSON.readTree(fullBody);
            if (problem.path("status").asInt() != status || problem.path("title").asText().isEmpty()) {
                return status + " with a problem that says otherwise: " + body;
            }
        } catch (IOException e) {
            return status + " with a body that is not JSON: " + body;
        }
        return null;
    }

    private static boolean nothingCreated(String body) {
        try {
            JsonNode result = JSON.readTree(body);
            return result.path("created").asInt(-1) == 0 && result.path("replayed").asInt(-1) == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The victim's data, made the legitimate way before the "before" snapshot: an invoice, a payment
     * that leaves unapplied cash, a dispute and a limit request waiting for approval.
     */
    private static HostileRequests.Victim victim(Suite suite) throws Exception {
        String invoice = """
                {"legalEntity":"%s","invoiceNumber":"%s","customer":{"id":"%s"},"currency":"EUR",\
                "issueDate":"2032-01-10","paymentTerms":"NET30",\
                "lines":[{"description":"Coil","quantity":"1","unit":"t","unitPrice":"100.00","taxRate":"0"}],\
                "netAmount":"100.00","taxAmount":"0.00","grossAmount":"100.00"}""".formatted(VICTIM, VICTIM_INVOICE,
                VICTIM_CUSTOMER);
        // Made again on a reused stack: a replay (200) is as good as the first post.
        HttpResponse<String> posted = post(suite, "invoicing-service", "/invoices", "erp", invoice);
        assertTrue(posted.statusCode() == 201 || posted.statusCode() == 200, posted.body());

        String payment = """
                {"type":"payment.received","id":"sweep-victim-payment","data":{"legalEntity":"%s","customerId":"%s",\
                "paymentId":"SWEEP-B-PAY-1","amount":"150.00","currency":"EUR","valueDate":"2032-01-20",\
                "method":"BANK_TRANSFER","remittanceReferences":["%s"]}}""".formatted(VICTIM, VICTIM_CUSTOMER,
                VICTIM_INVOICE);
        long now = Instant.now().getEpochSecond();
        expect(200, HTTP.send(HttpRequest.newBuilder(suite.uri("payments-service").resolve("/webhooks/standard"))
                .header("Content-Type", "application/json").header("webhook-id", "sweep-victim-payment")
                .header("webhook-timestamp", Long.toString(now))
                .header("webhook-signature", new StandardWebhookSigner(suite.webhookSecret("STANDARD_SECRETS"))
                        .sign("sweep-victim-payment", now, payment))
                .POST(HttpRequest.BodyPublishers.ofString(payment)).build(), HttpResponse.BodyHandlers.ofString()));
        // The webhook is stored, answered, then processed by a worker.
        String[] paymentId = new String[1];
        Suite.within(Duration.ofSeconds(60), Duration.ofMillis(300), () -> {
            paymentId[0] = victimPaymentId(suite);
            return paymentId[0] != null;
        });
        assertTrue(paymentId[0] != null, "the victim's payment was not stored");

        // collections-service knows the invoice once its event arrived.
        String dispute = """
                {"legalEntity":"%s","invoiceNumber":"%s","amount":"10.00","reason":"PRICING"}""".formatted(VICTIM,
                VICTIM_INVOICE);
        @SuppressWarnings("unchecked")
        HttpResponse<String>[] opened = new HttpResponse[1];
        Suite.within(Duration.ofSeconds(60), Duration.ofMillis(500), () -> {
            opened[0] = post(suite, "collections-service", "/disputes", "collector", dispute);
            return opened[0].statusCode() == 201 || opened[0].statusCode() == 409;
        });
        String disputeId;
        if (opened[0].statusCode() == 409) { // opened by an earlier run on a reused stack
            disputeId = JSON.readTree(send(suite, "collections-service", "GET", "/disputes?entity=" + VICTIM, "collector",
                    "").body()).path(0).path("disputeId").asText();
        } else {
            expect(201, opened[0]);
            disputeId = JSON.readTree(opened[0].body()).path("disputeId").asText();
        }

        HttpResponse<String> limit = send(suite, "credit-service", "PUT", "/customers/" + VICTIM + "/" + VICTIM_CUSTOMER
                + "/limit", "credit-manager", "{\"amount\":\"250000.00\",\"currency\":\"EUR\",\"reason\":\"sweep victim\"}");
        expect(202, limit);
        String limitRequestId = JSON.readTree(limit.body()).path("id").asText();
        return new HostileRequests.Victim(VICTIM, VICTIM_CUSTOMER, VICTIM_INVOICE, paymentId[0], disputeId,
                limitRequestId);
    }

    private static String victimPaymentId(Suite suite) {
        try (Connection connection = suite.database("payments"); PreparedStatement query = connection.prepareStatement(
                "SELECT id FROM payment WHERE legal_entity = ? AND gateway_transaction_id = 'SWEEP-B-PAY-1'")) {
            query.setString(1, VICTIM);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void expect(int status, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.request().uri() + ": " + response.body());
    }

    private static HttpResponse<String> post(Suite suite, String service, String path, String role, String body) {
        return send(suite, service, "POST", path, role, body);
    }

    private static HttpResponse<String> send(Suite suite, String service, String method, String path, String role,
            String body) {
        try {
            return HTTP.send(HttpRequest.newBuilder(suite.uri(service).resolve(path)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + suite.token(role)).header("Content-Type", "application/json")
                    .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
