package dev.steelyard.payments;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.steelyard.chassis.events.EventJson;
import dev.steelyard.chassis.outbox.OutboxEvent;
import dev.steelyard.chassis.testing.KafkaTestClient;
import dev.steelyard.chassis.testing.Tokens;
import dev.steelyard.payments.invoice.OpenInvoice;
import dev.steelyard.payments.payment.Payment;
import dev.steelyard.payments.webhook.WebhookDelivery;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** What the payments tests share: fresh ids, invoices fed through Kafka, and reading back state and events. */
public final class Payments {

    public static final Duration PATIENCE = Duration.ofSeconds(20);

    private Payments() {
    }

    /** Each test uses its own legal entity, so nothing of other tests mixes in. */
    public static String newEntity() {
        return "T" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String newCustomer() {
        return "C-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Sends InvoiceIssued.v1 in today's minimal shape and waits until the service knows the invoice. */
    public static void invoiceIssued(String entity, String customer, String number, String currency, String amount,
            String issueDate, String dueDate) {
        invoiceIssuedWith(entity, customer, number, currency, amount, issueDate, dueDate, null);
    }

    /** Sends InvoiceIssued.v1 with the given terms object (JSON) and waits for it. */
    public static void invoiceIssuedWith(String entity, String customer, String number, String currency, String amount,
            String issueDate, String dueDate, String termsJson) {
        sendInvoiceIssued(UUID.randomUUID().toString(), entity, customer, number, currency, amount, issueDate, dueDate,
                termsJson);
        awaitInvoice(entity, number);
    }

    public static void sendInvoiceIssued(String eventId, String entity, String customer, String number, String currency,
            String amount, String issueDate, String dueDate, String termsJson) {
        String json = """
                {"legalEntity":"%s","invoiceNumber":"%s","customerId":"%s","currency":"%s","amount":"%s",
                 "issueDate":"%s","dueDate":"%s"%s}""".formatted(entity, number, customer, currency, amount, issueDate,
                dueDate, termsJson == null ? "" : ",\"terms\":" + termsJson);
        KafkaTestClient.send(KafkaTestClient.cloudEvent("ar.invoicing", entity + "/" + customer, eventId,
                "InvoiceIssued.v1", json));
    }

    public static void awaitInvoice(String entity, String number) {
        await().atMost(PATIENCE).until(() -> invoice(entity, number) != null);
    }

    public static OpenInvoice invoice(String entity, String number) {
        return QuarkusTransaction.requiringNew().call(() -> OpenInvoice.findByNumber(entity, number).orElse(null));
    }

    public static String openAmount(String entity, String number) {
        return invoice(entity, number).open().amount().toPlainString();
    }

    public static List<Payment> payments(String entity) {
        return QuarkusTransaction.requiringNew().call(() -> Payment.<Payment>list("legalEntity", entity));
    }

    public static List<WebhookDelivery> deliveries(String provider, String eventIdPrefix) {
        return QuarkusTransaction.requiringNew().call(() -> WebhookDelivery.<WebhookDelivery>list(
                "provider = ?1 and eventId like ?2 order by id", provider, eventIdPrefix + "%"));
    }

    /** The events written for a customer, in order, each with its type in field "type" and its data in "data". */
    public static List<JsonNode> events(String entity, String customer) {
        List<OutboxEvent> rows = QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>list(
                "recordKey = ?1 order by position", entity + "/" + customer));
        List<JsonNode> events = new ArrayList<>();
        for (OutboxEvent row : rows) {
            ObjectNode event = EventJson.MAPPER.createObjectNode();
            event.put("type", row.eventType);
            event.put("subject", row.subject);
            try {
                event.set("data", EventJson.MAPPER.readTree(row.payload));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            events.add(event);
        }
        return events;
    }

    public static List<JsonNode> events(String entity, String customer, String type) {
        return events(entity, customer).stream().filter(e -> e.get("type").asText().equals(type))
                .map(e -> e.get("data")).toList();
    }

    /** An allocation as events write it, for exact comparison. */
    public static String allocation(String invoiceNumber, String amount, String discount, String writeOff,
            String valueDate) {
        return "{\"invoiceNumber\":\"%s\",\"amount\":\"%s\",\"discount\":\"%s\",\"writeOff\":\"%s\",\"valueDate\":\"%s\"}"
                .formatted(invoiceNumber, amount, discount, writeOff, valueDate);
    }

    public static JsonNode json(String text) {
        try {
            return EventJson.MAPPER.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Records a payment by hand, as the ERP would. */
    public static ValidatableResponse postPayment(String entity, String customer, String amount, String currency,
            String valueDate, String transactionId, String... references) {
        String refs = String.join(",", java.util.Arrays.stream(references).map(r -> "\"" + r + "\"").toList());
        return given().auth().oauth2(Tokens.withRoles("erp")).contentType(ContentType.JSON).body("""
                {"legalEntity":"%s","customerId":"%s","amount":"%s","currency":"%s","valueDate":"%s",
                 "method":"BANK_TRANSFER","gatewayTransactionId":"%s","remittanceReferences":[%s]}"""
                .formatted(entity, customer, amount, currency, valueDate, transactionId, refs))
                .post("/payments").then();
    }
}
