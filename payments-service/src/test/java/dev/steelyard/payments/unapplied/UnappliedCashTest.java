package dev.steelyard.payments.unapplied;

import static dev.steelyard.payments.Payments.allocation;
import static dev.steelyard.payments.Payments.events;
import static dev.steelyard.payments.Payments.json;
import static dev.steelyard.payments.Payments.openAmount;
import static dev.steelyard.payments.Payments.postPayment;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.steelyard.chassis.testing.SteelyardTestResource;
import dev.steelyard.chassis.testing.Tokens;
import dev.steelyard.payments.Payments;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(SteelyardTestResource.class)
class UnappliedCashTest {

    /** The LEAVE entity keeps unmatched cash unapplied, so a collector decides where it goes. */
    private static final String ENTITY = "LEAVE";

    @Test
    void collectorListsUnappliedCashAndAppliesItToChosenInvoices() {
        String customer = Payments.newCustomer();
        Payments.invoiceIssued(ENTITY, customer, customer + "-A", "USD", "40.00", "2013-01-01", "2013-01-31");
        Payments.invoiceIssued(ENTITY, customer, customer + "-B", "USD", "90.00", "2013-01-03", "2013-02-02");
        String paymentId = postPayment(ENTITY, customer, "100.00", "USD", "2013-01-20", "TX-" + UUID.randomUUID())
                .statusCode(201).extract().path("paymentId");

        given().auth().oauth2(Tokens.withRoles("collector")).queryParam("legalEntity", ENTITY)
                .queryParam("customerId", customer).get("/unapplied-cash")
                .then().statusCode(200).body("size()", equalTo(1), "[0].paymentId", equalTo(paymentId),
                        "[0].unappliedAmount", equalTo("100.00"));

        given().auth().oauth2(Tokens.withRoles("collector")).contentType(ContentType.JSON)
                .body("{\"allocations\":[{\"invoiceNumber\":\"" + customer + "-B\",\"amount\":\"60.00\"},"
                        + "{\"invoiceNumber\":\"" + customer + "-A\",\"amount\":\"40.00\"}]}")
                .post("/unapplied-cash/" + paymentId + "/applications")
                .then().statusCode(200).body("unappliedAmount", equalTo("0.00"));

        assertEquals("0.00", openAmount(ENTITY, customer + "-A"));
        assertEquals("30.00", openAmount(ENTITY, customer + "-B"));
        JsonNode applied = events(ENTITY, customer, "UnappliedCashApplied.v1").get(0);
        assertEquals(json("[" + allocation(customer + "-B", "60.00", "0.00", "0.00", "2013-01-20") + ","
                + allocation(customer + "-A", "40.00", "0.00", "0.00", "2013-01-20") + "]"), applied.get("allocations"));
        assertEquals("0.00", applied.get("unappliedAmount").asText());
    }

    @Test
    void applyingMoreThanIsUnappliedIsRefusedAndChangesNothing() {
        String customer = Payments.newCustomer();
        Payments.invoiceIssued(ENTITY, customer, customer + "-A", "USD", "400.00", "2013-01-01", "2013-01-31");
        String paymentId = postPayment(ENTITY, customer, "100.00", "USD", "2013-01-20", "TX-" + UUID.randomUUID())
                .statusCode(201).extract().path("paymentId");
        given().auth().oauth2(Tokens.withRoles("collector")).contentType(ContentType.JSON)
                .body("{\"allocations\":[{\"invoiceNumber\":\"" + customer + "-A\",\"amount\":\"100.01\"}]}")
                .post("/unapplied-cash/" + paymentId + "/applications")
                .then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("allocations[0].amount"), "rule", equalTo("at-most-unapplied"));
        given().auth().oauth2(Tokens.withRoles("collector")).contentType(ContentType.JSON)
                .body("{\"allocations\":[{\"invoiceNumber\":\"NOPE\",\"amount\":\"1.00\"}]}")
                .post("/unapplied-cash/" + paymentId + "/applications")
                .then().statusCode(400).body("field", equalTo("allocations[0].invoiceNumber"));
        assertEquals("400.00", openAmount(ENTITY, customer + "-A"));
    }

    @Test
    void unappliedCashIsRefundedOnceWhateverTheRetries() {
        String customer = Payments.newCustomer();
        String paymentId = postPayment(ENTITY, customer, "100.00", "USD", "2013-01-20", "TX-" + UUID.randomUUID())
                .statusCode(201).extract().path("paymentId");
        String refund = "{\"amount\":\"25.00\",\"refundDate\":\"2013-02-01\",\"reference\":\"RF-1\"}";
        for (int attempt = 0; attempt < 2; attempt++) {
            given().auth().oauth2(Tokens.withRoles("erp")).contentType(ContentType.JSON).body(refund)
                    .post("/unapplied-cash/" + paymentId + "/refunds")
                    .then().statusCode(200).body("unappliedAmount", equalTo("75.00"), "reversedAmount", equalTo("25.00"));
        }
        given().auth().oauth2(Tokens.withRoles("erp")).contentType(ContentType.JSON)
                .body("{\"amount\":\"75.01\",\"refundDate\":\"2013-02-01\",\"reference\":\"RF-2\"}")
                .post("/unapplied-cash/" + paymentId + "/refunds")
                .then().statusCode(400).body("field", equalTo("amount"), "rule", equalTo("at-most-unapplied"));
        List<JsonNode> reversals = events(ENTITY, customer, "PaymentReversed.v1");
        assertEquals(1, reversals.size());
        assertEquals("25.00", reversals.get(0).get("unappliedReversed").asText());
        assertEquals(json("[]"), reversals.get(0).get("allocations"));
    }

    @Test
    void unappliedCashOfAnotherEntityIsInvisibleAndOpsCannotApplyIt() {
        String customer = Payments.newCustomer();
        String paymentId = postPayment(ENTITY, customer, "5.00", "USD", "2013-01-20", "TX-" + UUID.randomUUID())
                .statusCode(201).extract().path("paymentId");
        given().auth().oauth2(Tokens.limitedTo(List.of("391"), "collector")).queryParam("legalEntity", ENTITY)
                .get("/unapplied-cash").then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.limitedTo(List.of("391"), "collector")).queryParam("legalEntity", ENTITY)
                .queryParam("customerId", customer).get("/open-invoices").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.limitedTo(List.of("391"), "collector")).contentType(ContentType.JSON)
                .body("{\"allocations\":[{\"invoiceNumber\":\"X\",\"amount\":\"1.00\"}]}")
                .post("/unapplied-cash/" + paymentId + "/applications").then().statusCode(404);
        given().auth().oauth2(Tokens.withRoles("ops")).contentType(ContentType.JSON)
                .body("{\"allocations\":[{\"invoiceNumber\":\"X\",\"amount\":\"1.00\"}]}")
                .post("/unapplied-cash/" + paymentId + "/applications").then().statusCode(403);
    }
}
