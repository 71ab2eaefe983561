package dev.steelyard.credit.check;

import static dev.steelyard.credit.Credit.awaitCredit;
import static dev.steelyard.credit.Credit.field;
import static dev.steelyard.credit.Credit.issue;
import static dev.steelyard.credit.Credit.newEntity;
import static dev.steelyard.credit.Credit.putOrder;
import static dev.steelyard.credit.Credit.setLimit;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.steelyard.chassis.testing.SteelyardTestResource;
import dev.steelyard.chassis.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@WithTestResource(SteelyardTestResource.class)
class CreditCheckTest {

    static ValidatableResponse check(String entity, String customer, String amount, String orderRef) {
        return given().auth().oauth2(Tokens.withRoles("erp")).contentType(ContentType.JSON)
                .body(orderRef == null ? Map.of("entity", entity, "customer", customer, "amount", amount, "currency", "EUR")
                        : Map.of("entity", entity, "customer", customer, "amount", amount, "currency", "EUR",
                                "orderRef", orderRef))
                .post("/credit-checks").then().statusCode(200);
    }

    @Test
    void orderThatWouldTakeExposureOverTheLimitIsRefusedWithTheFigures() {
        String entity = newEntity();
        setLimit(entity, "C-1", "10000.00");
        issue(entity, "C-1", "INV-1", "8000.00", "2025-07-31", null);
        awaitCredit(entity, "C-1", field("exposure", "8000.00"));
        check(entity, "C-1", "2500.00", "SO-9").body("decision", equalTo("REFUSED"),
                "reasons", contains("exposure 8,000.00 + order 2,500.00 exceeds limit 10,000.00 by 500.00"),
                "exposure", equalTo("8000.00"), "limit", equalTo("10000.00"), "available", equalTo("2000.00"));
    }

    @Test
    void orderWithinTheLimitIsApproved() {
        String entity = newEntity();
        setLimit(entity, "C-1", "10000.00");
        issue(entity, "C-1", "INV-1", "8000.00", "2025-07-31", null);
        awaitCredit(entity, "C-1", field("exposure", "8000.00"));
        check(entity, "C-1", "1500.00", null).body("decision", equalTo("APPROVED"),
                "reasons", contains("exposure 8,000.00 + order 1,500.00 is within limit 10,000.00, leaving 500.00"),
                "available", equalTo("2000.00"));
    }

    @Test
    void recheckOfAReportedOrderDoesNotCountItTwice() {
        String entity = newEntity();
        setLimit(entity, "C-1", "10000.00");
        putOrder(entity, "C-1", "SO-1", "6000.00");
        check(entity, "C-1", "7000.00", "SO-1").body("decision", equalTo("APPROVED"),
                "reasons", contains("exposure 0.00 + order 7,000.00 is within limit 10,000.00, leaving 3,000.00"));
    }

    @Test
    void customerWithoutLimitNeedsReview() {
        check(newEntity(), "C-1", "100.00", null).body("decision", equalTo("REVIEW"),
                "reasons", contains("no credit limit is set"));
    }

    @Test
    void heldCustomerIsRefusedWithTheHoldReason() {
        String entity = newEntity();
        setLimit(entity, "C-1", "10000.00");
        given().auth().oauth2(Tokens.withRoles("credit-manager")).contentType(ContentType.JSON)
                .body(Map.of("reason", "Insolvency rumours")).post("/customers/" + entity + "/C-1/hold")
                .then().statusCode(200);
        check(entity, "C-1", "100.00", null).body("decision", equalTo("REFUSED"),
                "reasons", contains("credit is on hold: held by a credit manager: Insolvency rumours"));
    }

    @Test
    void checkWithMoreDecimalsThanTheCurrencyIsRefusedNamingTheAmount() {
        given().auth().oauth2(Tokens.withRoles("erp")).contentType(ContentType.JSON)
                .body(Map.of("entity", newEntity(), "customer", "C-1", "amount", "10.005", "currency", "EUR"))
                .post("/credit-checks").then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("amount"), "rule", equalTo("minor-units"));
    }

    @Test
    void checkWithoutCurrencyIsRefusedNamingTheCurrency() {
        given().auth().oauth2(Tokens.withRoles("erp")).contentType(ContentType.JSON)
                .body(Map.of("entity", newEntity(), "customer", "C-1", "amount", "10.00"))
                .post("/credit-checks").then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("currency"), "rule", equalTo("required"));
    }

    @Test
    void onlyTheErpMayCheck() {
        given().auth().oauth2(Tokens.withRoles("collector")).contentType(ContentType.JSON)
                .body(Map.of("entity", newEntity(), "customer", "C-1", "amount", "10.00", "currency", "EUR"))
                .post("/credit-checks").then().statusCode(403);
    }
}
