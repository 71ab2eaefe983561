package dev.steelyard.credit.limit;

import static dev.steelyard.credit.Credit.creditManager;
import static dev.steelyard.credit.Credit.newEntity;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.steelyard.chassis.testing.SteelyardTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(SteelyardTestResource.class)
class FourEyesTest {

    @Test
    void limitAboveTheThresholdAppliesOnlyAfterASecondCreditManagerApproves() {
        String entity = newEntity();
        int id = given().auth().oauth2(creditManager("alice")).contentType(ContentType.JSON)
                .body(Map.of("amount", "250000.00", "currency", "EUR", "reason", "New rolling mill contract"))
                .put("/customers/" + entity + "/C-1/limit")
                .then().statusCode(202)
                .body("status", equalTo("PENDING_APPROVAL"), "requestedBy", equalTo("alice"),
                        "credit.limit", nullValue())
                .extract().path("id");

        given().auth().oauth2(creditManager("alice")).post("/customers/" + entity + "/C-1/limit-requests/" + id + "/approval")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("Limit request " + id
                        + " needs a second credit manager: alice requested it and cannot approve it"));

        given().auth().oauth2(creditManager("bob")).post("/customers/" + entity + "/C-1/limit-requests/" + id + "/approval")
                .then().statusCode(200)
                .body("status", equalTo("APPLIED"), "approvedBy", equalTo("bob"), "credit.limit", equalTo("250000.00"));

        given().auth().oauth2(creditManager("carol")).get("/customers/" + entity + "/C-1/credit-history")
                .then().statusCode(200)
                .body("change", contains("LIMIT_REQUESTED", "LIMIT_SET"),
                        "changedBy", contains("alice", "bob"),
                        "reason", contains("New rolling mill contract", "New rolling mill contract"),
                        "detail[1]", equalTo("limit none -> 250,000.00 EUR, requested by alice"));
    }

    @Test
    void limitUpToTheThresholdAppliesAtOnceAndIsKeptWithWhoAndWhy() {
        String entity = newEntity();
        given().auth().oauth2(creditManager("alice")).contentType(ContentType.JSON)
                .body(Map.of("amount", "100000.00", "currency", "EUR", "reason", "Two months of sales"))
                .put("/customers/" + entity + "/C-1/limit")
                .then().statusCode(200).body("status", equalTo("APPLIED"), "credit.limit", equalTo("100000.00"));
        given().auth().oauth2(creditManager("dave")).contentType(ContentType.JSON)
                .body(Map.of("amount", "60000.00", "currency", "EUR", "reason", "Steel price fell"))
                .put("/customers/" + entity + "/C-1/limit")
                .then().statusCode(200).body("credit.limit", equalTo("60000.00"), "credit.available", equalTo("60000.00"));
        given().auth().oauth2(creditManager("carol")).get("/customers/" + entity + "/C-1/credit-history")
                .then().statusCode(200)
                .body("detail", contains("limit none -> 100,000.00 EUR", "limit 100,000.00 -> 60,000.00 EUR"),
                        "changedBy", contains("alice", "dave"), "reason", contains("Two months of sales", "Steel price fell"));
    }

    @Test
    void laterLimitSupersedesARequestStillWaitingForApproval() {
        String entity = newEntity();
        int id = given().auth().oauth2(creditManager("alice")).contentType(ContentType.JSON)
                .body(Map.of("amount", "300000.00", "currency", "EUR", "reason", "Mill expansion"))
                .put("/customers/" + entity + "/C-1/limit").then().statusCode(202).extract().path("id");
        given().auth().oauth2(creditManager("dave")).contentType(ContentType.JSON)
                .body(Map.of("amount", "50000.00", "currency", "EUR", "reason", "Expansion postponed"))
                .put("/customers/" + entity + "/C-1/limit").then().statusCode(200);
        given().auth().oauth2(creditManager("bob")).post("/customers/" + entity + "/C-1/limit-requests/" + id + "/approval")
                .then().statusCode(409).body("detail", equalTo("Limit request " + id + " was superseded by a later limit"));
        given().auth().oauth2(creditManager("bob")).get("/customers/" + entity + "/C-1/credit")
                .then().body("limit", equalTo("50000.00"));
    }

    @Test
    void limitWithoutReasonIsRefusedNamingTheReason() {
        given().auth().oauth2(creditManager("alice")).contentType(ContentType.JSON)
                .body(Map.of("amount", "1000.00", "currency", "EUR"))
                .put("/customers/" + newEntity() + "/C-1/limit")
                .then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("reason"), "rule", equalTo("required"));
    }
}
