package dev.steelyard.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import dev.steelyard.local.load.StandardWebhookSigner;

/** The suite's public interfaces as the benchmarks use them: ERP posts, signed bank webhooks, KPI reads. */
public final class Suite {

    /** What the ERP posts: one untaxed line, 30 days net. */
    public record Invoice(String legalEntity, String invoiceNumber, String customerId, LocalDate issueDate,
            BigDecimal amount) {

        String json() {
            String money = amount.toPlainString();
            return """
                    {"legalEntity":"%s","invoiceNumber":"%s","customer":{"id":"%s"},"currency":"USD",\
                    "issueDate":"%s","paymentTerms":"NET30",\
                    "lines":[{"description":"Hot-rolled coil","quantity":"1","unit":"lot","unitPrice":"%s","taxRate":"0"}],\
                    "netAmount":"%s","taxAmount":"0.00","grossAmount":"%s"}"""
                    .formatted(legalEntity, invoiceNumber, customerId, issueDate, money, money, money);
        }
    }

    private final BenchStack stack;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String erpToken;
    private final String opsToken;
    private final String adminToken;
    private final StandardWebhookSigner signer;

    public Suite(BenchStack stack) {
        this.stack = stack;
        this.erpToken = stack.token("erp");
        this.opsToken = stack.token("ops");
        this.adminToken = stack.token("admin");
        this.signer = new StandardWebhookSigner(stack.standardWebhookSecret());
    }

    public HttpClient http() {
        return http;
    }

    public String opsToken() {
        return opsToken;
    }

    public HttpRequest invoiceRequest(Invoice invoice) {
        return erp(stack.invoicing().resolve("/invoices"), invoice.json());
    }

    public HttpRequest batchRequest(List<Invoice> invoices) {
        return erp(stack.invoicing().resolve("/invoices/batch"),
                invoices.stream().map(Invoice::json).collect(Collectors.joining(",", "{\"invoices\":[", "]}")));
    }

    /** A bank's payment.received webhook, signed per Standard Webhooks with the stack's secret. */
    public HttpRequest paymentWebhook(String legalEntity, String customerId, BigDecimal amount, LocalDate valueDate,
            List<String> invoiceNumbers) {
        String eventId = "bench-" + UUID.randomUUID();
        String references = invoiceNumbers.stream().map(n -> "\"" + n + "\"").collect(Collectors.joining(","));
        String body = """
                {"type":"payment.received","id":"%s","data":{"legalEntity":"%s","customerId":"%s",\
                "paymentId":"BENCH-%s","amount":"%s","currency":"USD","valueDate":"%s","method":"BANK_TRANSFER",\
                "remittanceReferences":[%s]}}"""
                .formatted(eventId, legalEntity, customerId, UUID.randomUUID(), amount.toPlainString(), valueDate,
                        references);
        long timestamp = Instant.now().getEpochSecond();
        return HttpRequest.newBuilder(stack.payments().resolve("/webhooks/standard"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("webhook-id", eventId)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", signer.sign(eventId, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    public HttpRequest kpiGet(String pathAndQuery) {
        return kpiGet(pathAndQuery, Duration.ofSeconds(120));
    }

    public HttpRequest kpiGet(String pathAndQuery, Duration timeout) {
        return HttpRequest.newBuilder(URI.create(stack.kpi() + pathAndQuery)).timeout(timeout)
                .header("Authorization", "Bearer " + opsToken).GET().build();
    }

    public HttpRequest adminPost(String path) {
        return HttpRequest.newBuilder(stack.kpi().resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + adminToken).POST(HttpRequest.BodyPublishers.noBody()).build();
    }

    public HttpRequest adminGet(String path) {
        return HttpRequest.newBuilder(stack.kpi().resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + adminToken).GET().build();
    }

    private HttpRequest erp(URI uri, String body) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + erpToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    /** Sends and insists on a 2xx. */
    public String expectOk(HttpRequest request) {
        HttpResponse<String> response = send(request);
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    public CompletableFuture<Boolean> sendAsync(HttpRequest request) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .thenApply(response -> response.statusCode() / 100 == 2);
    }
}
