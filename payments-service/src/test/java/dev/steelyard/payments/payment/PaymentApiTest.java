package dev.steelyard.payments.payment;

import static dev.steelyard.payments.Payments.postPayment;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.steelyard.chassis.testing.SteelyardTestResource;
import dev.steelyard.chassis.testing.Tokens;
import dev.steelyard.payments.Payments;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(SteelyardTestResource.class)
class PaymentApiTest {

    static String body(String entity, String amount, String currency, String valueDate) {
        return """
                {"legalEntity":"%s","customerId":"C-1","amount":%s,"currency":"%s","valueDate":"%s",
                 "method":"CHEQUE","gatewayTransactionId":"CHQ-000123","remittanceReferences":[]}"""
                .formatted(entity, amount, currency, valueDate);
    }

    @Test
    void chequeEnteredTwiceIsRecordedOnceAndAConflictingReplayIsRefused() {
        String entity = Payments.newEntity();
        String customer = Payments.newCustomer();
        String transaction = "CHQ-" + UUID.randomUUID();
        String paymentId = postPayment(entity, customer, "12.30", "EUR", "2013-03-01", transaction).statusCode(201)
                .header("Location", startsWith("http")).extract().path("paymentId");
        postPayment(entity, customer, "12.300", "EUR", "2013-03-01", transaction).statusCode(200)
                .body("paymentId", equalTo(paymentId));
        postPayment(entity, customer, "12.31", "EUR", "2013-03-01", transaction).statusCode(409)
                .contentType("application/problem+json").body("field", equalTo("amount"));
        assertEquals(1, Payments.payments(entity).size());
        given().auth().oauth2(Tokens.withRoles("ops")).get("/payments/" + paymentId)
                .then().statusCode(200).body("amount", equalTo("12.30"), "unappliedAmount", equalTo("12.30"));
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        String entity = Payments.newEntity();
        assertRefused(body(entity, "\"-5.00\"", "USD", "2013-03-01"), "amount", "positive");
        assertRefused(body(entity, "\"5.00\"", "XYZ", "2013-03-01"), "currency", "iso-4217");
        assertRefused(body(entity, "\"5.001\"", "USD", "2013-03-01"), "amount", "minor-units");
        assertRefused(body(entity, "\"5.00\"", "USD", "2013-13-01"), "valueDate", "format");
        assertRefused(body(entity, "\"5.00\"", "USD", "2013-03-01").replace("\"customerId\":\"C-1\",", ""),
                "customerId", "required");
        assertRefused("{\"legalEntity\":", "body", "json");
        assertEquals(0, Payments.payments(entity).size());
    }

    @Test
    void onlyErpAndCollectorsRecordPaymentsAndOnlyForTheirEntities() {
        String entity = Payments.newEntity();
        given().contentType(ContentType.JSON).body(body(entity, "\"5.00\"", "USD", "2013-03-01")).post("/payments")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(Tokens.withRoles("ops")).contentType(ContentType.JSON)
                .body(body(entity, "\"5.00\"", "USD", "2013-03-01")).post("/payments").then().statusCode(403);
        given().auth().oauth2(Tokens.limitedTo(List.of("391"), "collector")).contentType(ContentType.JSON)
                .body(body(entity, "\"5.00\"", "USD", "2013-03-01")).post("/payments").then().statusCode(404);
        given().auth().oauth2(Tokens.withRoles("collector")).contentType(ContentType.JSON)
                .body(body(entity, "\"5.00\"", "USD", "2013-03-01")).post("/payments").then().statusCode(201);
    }

    private static void assertRefused(String body, String field, String rule) {
        given().auth().oauth2(Tokens.withRoles("erp")).contentType(ContentType.JSON).body(body).post("/payments")
                .then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo(field), "rule", equalTo(rule));
    }
}
