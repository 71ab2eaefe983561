package dev.steelyard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.steelyard.local.load.StandardWebhookSigner;
import dev.steelyard.local.load.SuiteClient;

/**
 * Issue #9, fault injection: while a steady stream of invoices and payments flows, Kafka is
 * stopped for 30 s, payments-service is killed with SIGKILL and started again, and PostgreSQL is
 * restarted, all through the local stack's own commands. Every invoice and payment answered 2xx
 * must then be reflected exactly once in invoicing, payments, credit and kpi figures, to the
 * cent, and every service must have become ready again by itself (only the killed one is started).
 * The test's own legal entity and month (2031-03) keep it apart from the other tests' figures.
 */
@ExtendWith(SuiteExtension.class)
class FaultInjectionTest {

    private static final String ENTITY = "E2E-FAULTS";
    private static final List<String> CUSTOMERS = List.of("FAULT-C1", "FAULT-C2", "FAULT-C3", "FAULT-C4");
    private static final YearMonth MONTH = YearMonth.of(2031, 3);
    private static final Duration KAFKA_OUTAGE = Duration.ofSeconds(30);
    private static final Duration READY_AGAIN = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void everyAcceptedInvoiceAndPaymentCountsOnceThroughKafkaOutageServiceCrashAndDatabaseRestart(Suite suite)
            throws Exception {
        long started = System.nanoTime();
        SteadyStream stream = new SteadyStream(new SuiteClient(suite.uri("invoicing-service"),
                suite.uri("payments-service"), suite.uri("kpi-service"), suite.token("erp"), suite.token("ops"),
                new StandardWebhookSigner(suite.webhookSecret("STANDARD_SECRETS"))), ENTITY, CUSTOMERS, MONTH);
        stream.start();
        List<String> timeline = new ArrayList<>();
        try {
            awaitMoreAccepted(stream, 6, "before the first fault");

            // Kafka away for 30 s: requests are still accepted (the outbox keeps their events), readiness says DOWN.
            Suite.steelyard(List.of("stop", "kafka"), Duration.ofMinutes(1));
            int acceptedBefore = stream.acceptedRequests();
            long outageEnds = System.nanoTime() + KAFKA_OUTAGE.toNanos();
            boolean sawNotReady = false;
            while (System.nanoTime() < outageEnds) {
                sawNotReady |= !suite.ready("invoicing-service");
                Thread.sleep(1_000);
            }
            int acceptedWithoutKafka = stream.acceptedRequests() - acceptedBefore;
            Suite.steelyard(List.of("start", "kafka"), Duration.ofMinutes(2));
            timeline.add("Kafka back, services ready by themselves after " + awaitAllReady(suite));
            assertTrue(sawNotReady, "invoicing-service stayed ready without Kafka: its readiness check proves nothing");
            assertTrue(acceptedWithoutKafka > 0, "no request was accepted while Kafka was away");

            // payments-service killed in the middle of the stream, then started by the operator.
            Suite.steelyard(List.of("stop", "payments-service", "--kill"), Duration.ofMinutes(1));
            int refusedBefore = stream.refusalCount();
            assertTrue(Suite.within(Duration.ofSeconds(30), Duration.ofMillis(100),
                    () -> stream.refusalCount() > refusedBefore), "nothing noticed that payments-service was gone");
            Suite.steelyard(List.of("start", "payments-service"), Duration.ofMinutes(4));
            timeline.add("payments-service restarted, all ready after " + awaitAllReady(suite));

            // PostgreSQL restarted under every service's connection pool.
            Suite.steelyard(List.of("restart", "postgres"), Duration.ofMinutes(2));
            timeline.add("PostgreSQL restarted, services ready by themselves after " + awaitAllReady(suite));
            awaitMoreAccepted(stream, 6, "after the last fault");
        } finally {
            stream.stop(Duration.ofSeconds(60));
        }
        assertEquals(List.of(), stream.unexpected(), "answers other than 2xx or a refusal");
        Map<String, SteadyStream.Accepted> accepted = stream.accepted();

        Expected expected = Expected.of(accepted.values());
        long convergence = System.nanoTime();
        Suite.within(Duration.ofSeconds(90), Duration.ofSeconds(1), () -> figures(suite).equals(expected.figures()));
        assertEquals(expected.figures(), figures(suite), "credit exposure per customer and kpi month figures");
        assertEquals(List.of(), invoiceMismatches(suite, accepted), "invoices in invoicing-service");
        assertEquals(List.of(), paymentMismatches(suite, accepted), "payments in payments-service");
        System.out.printf("FaultInjectionTest: %d invoices and %d payments accepted, %d refused attempts retried %s;"
                + " %s; figures agreed %.1f s after the stream stopped; %.1f s in all%n", accepted.size(),
                accepted.values().stream().filter(SteadyStream.Accepted::paid).count(), stream.refusalCount(),
                stream.refusals(), String.join("; ", timeline), (System.nanoTime() - convergence) / 1e9,
                (System.nanoTime() - started) / 1e9);
    }

    /** What the accepted requests add up to: per customer the open amount, for the month sales and ending AR. */
    private record Expected(Map<String, String> figures) {

        static Expected of(java.util.Collection<SteadyStream.Accepted> accepted) {
            Map<String, BigDecimal> open = new TreeMap<>();
            CUSTOMERS.forEach(customer -> open.put(customer, BigDecimal.ZERO));
            BigDecimal sales = BigDecimal.ZERO;
            for (SteadyStream.Accepted invoice : accepted) {
                sales = sales.add(invoice.row().amount());
                if (!invoice.paid()) {
                    open.merge(invoice.row().customerId(), invoice.row().amount(), BigDecimal::add);
                }
            }
            Map<String, String> figures = new TreeMap<>();
            open.forEach((customer, amount) -> figures.put("credit " + customer + " exposure", amount.setScale(2).toPlainString()));
            figures.put("kpi creditSales", sales.setScale(2).toPlainString());
            figures.put("kpi endingAR", open.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2)
                    .toPlainString());
            return new Expected(figures);
        }
    }

    /** The same figures as the suite reports them. */
    private static Map<String, String> figures(Suite suite) {
        Map<String, String> figures = new TreeMap<>();
        for (String customer : CUSTOMERS) {
            JsonNode credit = get(suite, "credit-service", "/customers/" + ENTITY + "/" + customer + "/credit",
                    "credit-manager");
            figures.put("credit " + customer + " exposure", money(credit.path("exposure")));
        }
        JsonNode month = get(suite, "kpi-service", "/kpis/month/" + MONTH + "?entity=" + ENTITY + "&currency=USD", "ops");
        figures.put("kpi creditSales", money(month.path("creditSales")));
        figures.put("kpi endingAR", money(month.path("endingAR")));
        return figures;
    }

    /** Each accepted invoice exists once, settled when its payment was accepted, open in full otherwise. */
    private static List<String> invoiceMismatches(Suite suite, Map<String, SteadyStream.Accepted> accepted)
            throws SQLException {
        List<String> mismatches = new ArrayList<>();
        for (SteadyStream.Accepted invoice : accepted.values()) {
            JsonNode view = get(suite, "invoicing-service", "/invoices/" + ENTITY + "/" + invoice.row().invoiceNumber(),
                    "erp");
            String open = invoice.paid() ? "0.00" : invoice.row().amount().setScale(2).toPlainString();
            if (!open.equals(money(view.path("openAmount")))) {
                mismatches.add(invoice.row().invoiceNumber() + " open " + view.path("openAmount") + ", expected " + open);
            }
        }
        int rows = count(suite, "invoicing", "SELECT count(*) FROM invoice WHERE legal_entity = ?");
        if (rows != accepted.size()) {
            mismatches.add(rows + " invoices stored for " + accepted.size() + " accepted");
        }
        return mismatches;
    }

    /** Each accepted payment is stored once and applied in full to its invoice; nothing else was stored. */
    private static List<String> paymentMismatches(Suite suite, Map<String, SteadyStream.Accepted> accepted)
            throws SQLException {
        Map<String, BigDecimal> expected = new HashMap<>();
        accepted.values().stream().filter(SteadyStream.Accepted::paid).forEach(invoice -> expected.put(
                "BANK-" + ENTITY + "-" + invoice.row().invoiceNumber(), invoice.row().amount()));
        List<String> mismatches = new ArrayList<>();
        Map<String, String> stored = new HashMap<>();
        try (Connection connection = suite.database("payments"); PreparedStatement query = connection.prepareStatement(
                "SELECT id, gateway_transaction_id FROM payment WHERE legal_entity = ?")) {
            query.setString(1, ENTITY);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    stored.put(rows.getString(2), rows.getString(1));
                }
            }
        }
        if (!stored.keySet().equals(expected.keySet())) {
            mismatches.add(stored.size() + " payments stored for " + expected.size() + " accepted");
        }
        expected.forEach((transaction, amount) -> {
            if (!stored.containsKey(transaction)) {
                mismatches.add(transaction + " is missing");
                return;
            }
            JsonNode payment = get(suite, "payments-service", "/payments/" + stored.get(transaction), "erp");
            BigDecimal applied = BigDecimal.ZERO;
            for (JsonNode line : payment.path("allocations")) {
                applied = applied.add(new BigDecimal(line.path("amount").asText()));
            }
            if (applied.compareTo(amount) != 0 || new BigDecimal(payment.path("unappliedAmount").asText()).signum() != 0) {
                mismatches.add(transaction + " of " + amount + " applied " + applied + ", unapplied "
                        + payment.path("unappliedAmount").asText());
            }
        });
        return mismatches;
    }

    private static int count(Suite suite, String database, String sql) throws SQLException {
        try (Connection connection = suite.database(database); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, ENTITY);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private static void awaitMoreAccepted(SteadyStream stream, int more, String when) {
        int before = stream.acceptedRequests();
        assertTrue(Suite.within(Duration.ofSeconds(60), Duration.ofMillis(200),
                () -> stream.acceptedRequests() >= before + more), "the stream did not flow " + when + ": "
                        + stream.refusals() + " " + stream.unexpected());
    }

    /** Polls every service's readiness until all answer 200; returns how long that took. */
    private static String awaitAllReady(Suite suite) {
        long started = System.nanoTime();
        List<String> notReady = new ArrayList<>(Suite.SERVICES);
        Suite.within(READY_AGAIN, Duration.ofMillis(500), () -> {
            notReady.removeIf(suite::ready);
            return notReady.isEmpty();
        });
        assertEquals(List.of(), notReady, "not ready again within " + READY_AGAIN.toSeconds() + " s");
        return String.format("%.1f s", (System.nanoTime() - started) / 1e9);
    }

    private static JsonNode get(Suite suite, String service, String path, String role) {
        URI uri = suite.uri(service).resolve(path);
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + suite.token(role)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return JSON.createObjectNode().put("status", response.statusCode());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            return JSON.createObjectNode().put("error", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A money string with two decimals, or what was there instead, so a mismatch shows it. */
    private static String money(JsonNode value) {
        try {
            return new BigDecimal(value.asText()).setScale(2).toPlainString();
        } catch (NumberFormatException | ArithmeticException e) {
            return String.valueOf(value);
        }
    }
}
