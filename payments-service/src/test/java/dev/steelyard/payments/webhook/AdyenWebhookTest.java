package dev.steelyard.payments.webhook;

import static dev.steelyard.payments.Payments.PATIENCE;
import static dev.steelyard.payments.Payments.allocation;
import static dev.steelyard.payments.Payments.events;
import static dev.steelyard.payments.Payments.json;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
class AdyenWebhookTest {

    static String item(String psp, String original, String merchantReference, long value, String currency,
            String eventCode, String entity, String customer, String hmac) {
        return """
                {"NotificationRequestItem":{"additionalData":{"hmacSignature":"%s","metadata.entity":"%s",\
                "metadata.customer":"%s"},"amount":{"currency":"%s","value":%d},"eventCode":"%s",\
                "eventDate":"2024-05-06T17:15:34+02:00","merchantAccountCode":"SteelyardEU","merchantReference":"%s",\
                %s"paymentMethod":"visa","pspReference":"%s","reason":"","success":"true"}}"""
                .formatted(hmac, entity, customer, currency, value, eventCode, merchantReference,
                        original == null ? "" : "\"originalReference\":\"" + original + "\",", psp);
    }

    static String signedItem(String psp, String original, String merchantReference, long value, String currency,
            String eventCode, String entity, String customer) {
        return item(psp, original, merchantReference, value, currency, eventCode, entity, customer,
                Signers.adyen(psp, original, "SteelyardEU", merchantReference, value, currency, eventCode, true));
    }

    static ValidatableResponse post(String... items) {
        return given().contentType("application/json")
                .body("{\"live\":\"false\",\"notificationItems\":[" + String.join(",", items) + "]}")
                .post("/webhooks/adyen").then();
    }

    static String psp() {
        return "PSP" + UUID.randomUUID().toString().replace("-", "").substring(0, 13).toUpperCase();
    }

    @Test
    void kuwaitiDinarAmountSignedByAdyenLibraryIsConvertedWithExponentThree() {
        String entity = Payments.newEntity();
        String customer = Payments.newCustomer();
        Payments.invoiceIssued(entity, customer, "KW-100", "KWD", "12.345", "2024-05-01", "2024-05-31");
        String psp = psp();
        post(signedItem(psp, null, "KW-100", 12345, "KWD", "AUTHORISATION", entity, customer))
                .statusCode(200).body(equalTo("[accepted]"));

        await().atMost(PATIENCE).until(() -> Payments.openAmount(entity, "KW-100").equals("0.000"));
        JsonNode received = events(entity, customer, "PaymentReceived.v1").get(0);
        assertEquals("12.345", received.get("amount").asText());
        assertEquals("KWD", received.get("currency").asText());
        assertEquals("VISA", received.get("method").asText());
        assertEquals("2024-05-06", received.get("valueDate").asText());
        assertEquals(psp, received.get("gatewayTransactionId").asText());
        assertEquals(json("[" + allocation("KW-100", "12.345", "0.000", "0.000", "2024-05-06") + "]"),
                received.get("allocations"));
    }

    @Test
    void forgedItemRejectsTheWholeBatchAndNothingIsStored() {
        String entity = Payments.newEntity();
        String genuine = psp();
        String forged = psp();
        post(signedItem(genuine, null, "X", 1000, "EUR", "AUTHORISATION", entity, "C-1"),
                item(forged, null, "X", 1000, "EUR", "AUTHORISATION", entity, "C-1", "bm90IHRoZSByZWFsIG1hYw=="))
                .statusCode(401).contentType("application/problem+json")
                .body("field", equalTo("notificationItems[1].NotificationRequestItem.additionalData.hmacSignature"),
                        "rule", equalTo("signature"));
        assertEquals(0, Payments.deliveries("adyen", genuine).size());
        assertEquals(0, Payments.deliveries("adyen", forged).size());
    }

    @Test
    void refundNamesItsPaymentByOriginalReferenceAndReopensTheInvoice() {
        String entity = Payments.newEntity();
        String customer = Payments.newCustomer();
        Payments.invoiceIssued(entity, customer, "EU-1", "EUR", "25.00", "2024-05-01", "2024-05-31");
        String payment = psp();
        post(signedItem(payment, null, "EU-1", 2500, "EUR", "AUTHORISATION", entity, customer)).statusCode(200);
        await().atMost(PATIENCE).until(() -> Payments.openAmount(entity, "EU-1").equals("0.00"));

        String refund = psp();
        String refundItem = signedItem(refund, payment, "EU-1", 1000, "EUR", "REFUND", entity, customer);
        post(refundItem).statusCode(200);
        post(refundItem).statusCode(200);
        await().atMost(PATIENCE).until(() -> Payments.openAmount(entity, "EU-1").equals("10.00"));
        assertEquals(1, events(entity, customer, "PaymentReversed.v1").size());
        assertEquals("REFUND", events(entity, customer, "PaymentReversed.v1").get(0).get("reason").asText());
    }

    @Test
    void genuineItemWithANegativeAmountIsRefusedNamingTheField() {
        String psp = psp();
        post(signedItem(psp, null, "X", -500, "EUR", "AUTHORISATION", Payments.newEntity(), "C-1"))
                .statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("notificationItems[0].NotificationRequestItem.amount.value"),
                        "rule", equalTo("positive"));
        assertEquals(0, Payments.deliveries("adyen", psp).size());
    }

    @Test
    void genuineItemWithANulInItsCustomerIsRefusedNamingTheField() {
        String psp = psp();
        post(signedItem(psp, null, "X", 500, "EUR", "AUTHORISATION", Payments.newEntity(), "C-\\u00001"))
                .statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("notificationItems[0].NotificationRequestItem.additionalData.metadata.customer"),
                        "rule", equalTo("format"));
        assertEquals(0, Payments.deliveries("adyen", psp).size());
    }
}
