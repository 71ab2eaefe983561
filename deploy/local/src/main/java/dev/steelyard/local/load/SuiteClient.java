package dev.steelyard.local.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Talks to the running suite only through its public interfaces: REST with bearer tokens, signed webhooks. */
public final class SuiteClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI invoicing;
    private final URI payments;
    private final URI kpi;
    private final String erpToken;
    private final String opsToken;
    private final StandardWebhookSigner signer;

    public SuiteClient(URI invoicing, URI payments, URI kpi, String erpToken, String opsToken,
            StandardWebhookSigner signer) {
        this.invoicing = invoicing;
        this.payments = payments;
        this.kpi = kpi;
        this.erpToken = erpToken;
        this.opsToken = opsToken;
        this.signer = signer;
    }

    /** An answer worth reporting: its status and body. */
    public record Answer(int status, String body) {

        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** Posts the row as the ERP would: one untaxed line, 30 days net. */
    public Answer postInvoice(ReceivableRow row) {
        String amount = row.amount().toPlainString();
        String body = """
                {"legalEntity":"%s","invoiceNumber":"%s","customer":{"id":"%s"},"currency":"USD",\
                "issueDate":"%s","paymentTerms":"NET30","dueDate":"%s",\
                "lines":[{"description":"Invoice %s","quantity":"1","unit":"lot","unitPrice":"%s","taxRate":"0"}],\
                "netAmount":"%s","taxAmount":"0.00","grossAmount":"%s"}"""
                .formatted(row.legalEntity(), row.invoiceNumber(), row.customerId(), row.issueDate(), row.dueDate(),
                        row.invoiceNumber(), amount, amount, amount);
        return send(HttpRequest.newBuilder(invoicing.resolve("/invoices"))
                .header("Authorization", "Bearer " + erpToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Pushes the payment of the full amount to the Standard Webhooks endpoint, signed as a provider would. */
    public Answer postPayment(Delivery.PaymentWebhook payment) {
        ReceivableRow row = payment.row();
        String body = """
                {"type":"payment.received","id":"%s","data":{"legalEntity":"%s","customerId":"%s",\
                "paymentId":"BANK-%s-%s","amount":"%s","currency":"USD","valueDate":"%s","method":"BANK_TRANSFER",\
                "remittanceReferences":["%s"]}}"""
                .formatted(payment.webhookId(), row.legalEntity(), row.customerId(), row.legalEntity(),
                        row.invoiceNumber(), row.amount().toPlainString(), row.settledDate(), row.invoiceNumber());
        long timestamp = Instant.now().getEpochSecond();
        return send(HttpRequest.newBuilder(payments.resolve("/webhooks/standard"))
                .header("Content-Type", "application/json")
                .header("webhook-id", payment.webhookId())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", signer.sign(payment.webhookId(), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public JsonNode month(YearMonth month, String currency) {
        return getJson(kpi.resolve("/kpis/month/" + month + "?currency=" + currency));
    }

    public JsonNode period(LocalDate from, LocalDate to, String currency) {
        return getJson(kpi.resolve("/kpis/period?from=" + from + "&to=" + to + "&currency=" + currency));
    }

    private JsonNode getJson(URI uri) {
        Answer answer = send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + opsToken).GET());
        if (!answer.ok()) {
            throw new IllegalStateException("GET " + uri + " answered " + answer.status() + ": " + answer.body());
        }
        try {
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + uri + " did not answer JSON", e);
        }
    }

    /** Sends with a few retries on connection failures, which a restarting service may cause. */
    private Answer send(HttpRequest.Builder request) {
        HttpRequest built = request.timeout(Duration.ofSeconds(30)).build();
        IOException last = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
                return new Answer(response.statusCode(), response.body());
            } catch (IOException e) {
                last = e;
                sleep(attempt * 500L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted");
            }
        }
        throw new IllegalStateException(built.method() + " " + built.uri() + " failed: " + last.getMessage()
                + " (is the suite running? deploy/local/steelyard status)", last);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
