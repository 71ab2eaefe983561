package dev.steelyard.payments.webhook;

import static dev.steelyard.payments.Payments.PATIENCE;
import static dev.steelyard.payments.Payments.allocation;
import static dev.steelyard.payments.Payments.events;
import static dev.steelyard.payments.Payments.json;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.steelyard.chassis.testing.SteelyardTestResource;
import dev.steelyard.payments.Payments;
import dev.steelyard.payments.Signers;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@WithTestResource(SteelyardTestResource.class)
class StandardWebhookTest {

    static String paymentReceived(String eventId, String entity, String customer, String transaction, String amount,
            String currency, String valueDate, String... references) {
        String refs = String.join(",", java.util.Arrays.stream(references).map(r -> "\"" + r + "\"").toList());
        return """
                {"type":"payment.received","id":"%s","data":{"legalEntity":"%s","customerId":"%s","paymentId":"%s",\
                "amount":"%s","currency":"%s","valueDate":"%s","method":"BANK_TRANSFER","remittanceReferences":[%s]}}"""
                .formatted(eventId, entity, customer, transaction, amount, currency, valueDate, refs);
    }

    static ValidatableResponse post(String body, String secret, long timestamp) {
        String messageId = "msg_" + UUID.randomUUID();
        return given().header("webhook-id", messageId).header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", Signers.standard(secret, messageId, timestamp, body))
                .contentType("application/json").body(Signers.utf8(body)).post("/webhooks/standard").then();
    }

    static ValidatableResponse post(String body) {
        return post(body, Signers.STANDARD_SECRET, Instant.now().getEpochSecond());
    }

    @Test
    void documentedBankPaymentSignedByTheStandardWebhooksLibraryIsApplied() {
        String entity = Payments.newEntity();
        String customer = "0379-NEVHP";
        Payments.invoiceIssued(entity, customer, "0000611365", "USD", "55.94", "2013-01-02", "2013-02-01");
        String eventId = "evt-" + UUID.randomUUID();
        post(paymentReceived(eventId, entity, customer, "TX-" + eventId, "55.94", "USD", "2013-01-15", "0000611365"))
                .statusCode(200).body("received", equalTo(true));

        await().atMost(PATIENCE).until(() -> Payments.openAmount(entity, "0000611365").equals("0.00"));
        JsonNode received = events(entity, customer, "PaymentReceived.v1").get(0);
        assertEquals("BANK_TRANSFER", received.get("method").asText());
        assertEquals("2013-01-15", received.get("valueDate").asText());
        assertEquals(json("[\"0000611365\"]"), received.get("remittanceReferences"));
        assertEquals(json("[" + allocation("0000611365", "55.94", "0.00", "0.00", "2013-01-15") + "]"),
                received.get("allocations"));
    }

    @Test
    void expiredTimestampIsRejectedAndNothingIsStored() {
        String eventId = "evt-" + UUID.randomUUID();
        String body = paymentReceived(eventId, Payments.newEntity(), "C-1", "TX-1", "1.00", "USD", "2013-01-15");
        post(body, Signers.STANDARD_SECRET, Instant.now().minusSeconds(301).getEpochSecond())
                .statusCode(401).contentType("application/problem+json")
                .body("field", equalTo("webhook-timestamp"), "rule", equalTo("timestamp-tolerance"));
        assertEquals(0, Payments.deliveries("standard", eventId).size());
    }

    @Test
    void forgedOrMissingSignatureIsRejectedAndNothingIsStored() {
        String eventId = "evt-" + UUID.randomUUID();
        String body = paymentReceived(eventId, Payments.newEntity(), "C-1", "TX-1", "1.00", "USD", "2013-01-15");
        post(body, "whsec_" + java.util.Base64.getEncoder().encodeToString(Signers.utf8("someone else's key")),
                Instant.now().getEpochSecond())
                .statusCode(401).body("field", equalTo("webhook-signature"), "rule", equalTo("signature"));
        given().contentType("application/json").body(body).post("/webhooks/standard")
                .then().statusCode(401).contentType("application/problem+json").body("rule", equalTo("required"));
        assertEquals(0, Payments.deliveries("standard", eventId).size());
    }

    @Test
    void previousSecretStillVerifiesDuringRotation() {
        String eventId = "evt-" + UUID.randomUUID();
        String body = paymentReceived(eventId, Payments.newEntity(), "C-1", "TX-" + eventId, "1.00", "USD", "2013-01-15");
        post(body, "whsec_c3RlZWx5YXJkLXByZXZpb3VzLXNlY3JldA==", Instant.now().getEpochSecond()).statusCode(200);
        assertEquals(1, Payments.deliveries("standard", eventId).size());
    }

    @Test
    void genuineButInvalidPayloadIsRefusedNamingTheFieldAndNothingIsStored() {
        String entity = Payments.newEntity();
        String valid = paymentReceived("evt-bad", entity, "C-1", "TX-1", "10.00", "USD", "2013-01-15");
        assertRefused("{not json", "body", "json");
        assertRefused(valid.replace("\"10.00\"", "\"-10.00\""), "data.amount", "positive");
        assertRefused(valid.replace("\"USD\"", "\"XYZ\""), "data.currency", "iso-4217");
        assertRefused(valid.replace("2013-01-15", "2013-02-30"), "data.valueDate", "format");
        assertRefused(valid.replace("\"customerId\":\"C-1\",", ""), "data.customerId", "required");
        assertRefused(valid.replace("\"10.00\"", "\"10.001\""), "data.amount", "minor-units");
        assertRefused(valid.replace("payment.received", "payment.teleported"), "type", "known-type");
        assertRefused(valid.replace("\"10.00\"", "\"99999999999999999999.99\""), "data.amount", "size");
        assertRefused(valid.replace("\"C-1\"", "\"C-\\u00001\""), "data.customerId", "format");
        assertRefused(valid.replace("\"C-1\"", "\"C-\\ud8001\""), "data.customerId", "format");
        assertRefused(valid.replace("\"remittanceReferences\":[]", "\"remittanceReferences\":[\"\\u0000\"]"),
                "data.remittanceReferences[0]", "format");
        assertEquals(0, Payments.deliveries("standard", "evt-bad").size());
    }

    @Test
    void oversizedBodyIsRefusedBeforeAnythingIsRead() {
        String body = "{\"type\":\"payment.received\",\"padding\":\"" + "x".repeat(1_100_000) + "\"}";
        given().contentType("application/json").body(body).post("/webhooks/standard")
                .then().statusCode(413).contentType("application/problem+json").body("field", equalTo("body"));
    }

    private static void assertRefused(String body, String field, String rule) {
        post(body).statusCode(400).contentType("application/problem+json")
                .body("field", equalTo(field), "rule", equalTo(rule));
    }
}
