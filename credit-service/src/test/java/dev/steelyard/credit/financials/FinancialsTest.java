package dev.steelyard.credit.financials;

import static dev.steelyard.credit.Credit.newEntity;
import static dev.steelyard.credit.Credit.setLimit;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.steelyard.chassis.testing.SteelyardTestResource;
import dev.steelyard.chassis.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(SteelyardTestResource.class)
class FinancialsTest {

    private static Map<String, Object> statement(String totalAssets) {
        Map<String, Object> body = new HashMap<>(Map.of("statementDate", "2024-12-31", "currency", "EUR",
                "currentAssets", "500000", "currentLiabilities", "200000", "totalAssets", totalAssets,
                "totalLiabilities", "400000", "retainedEarnings", "300000", "ebit", "150000", "bookEquity", "600000"));
        body.put("sales", "1500000");
        return body;
    }

    @Test
    void statementsInTheSafeZoneRaiseTheScore() {
        String entity = newEntity();
        setLimit(entity, "C-1", "5000.00");
        given().auth().oauth2(Tokens.withRoles("credit-manager")).contentType(ContentType.JSON)
                .body(statement("1000000")).post("/customers/" + entity + "/C-1/financials")
                .then().statusCode(201)
                .body("zPrime", equalTo("3.06"), "zone", equalTo("SAFE"), "x4", equalTo("1.5000"),
                        // 50 + 0.4 x (73 - 50) = 59.2, no payment history yet
                        "score", equalTo(59), "riskClass", equalTo("C"));
        given().auth().oauth2(Tokens.withRoles("credit-manager")).get("/customers/" + entity + "/C-1/credit")
                .then().body("scoreReasons", hasItem("financial strength +9.2: Altman Z' 3.06, safe zone, above 2.90"));
    }

    @Test
    void statementWithoutTotalAssetsIsRefusedNamingTheField() {
        given().auth().oauth2(Tokens.withRoles("credit-manager")).contentType(ContentType.JSON)
                .body(statement("0")).post("/customers/" + newEntity() + "/C-1/financials")
                .then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("totalAssets"), "rule", equalTo("positive"));
    }

    @Test
    void aFigureTooLargeToStoreIsRefusedNamingTheField() {
        String entity = newEntity();
        Map<String, Object> body = statement("1000000");
        body.put("bookEquity", "-1e400");
        given().auth().oauth2(Tokens.withRoles("credit-manager")).contentType(ContentType.JSON)
                .body(body).post("/customers/" + entity + "/C-1/financials")
                .then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("bookEquity"), "rule", equalTo("size"));
    }

    @Test
    void aStatementInAnUnknownCurrencyIsRefusedNamingTheField() {
        Map<String, Object> body = statement("1000000");
        body.put("currency", "EURO");
        given().auth().oauth2(Tokens.withRoles("credit-manager")).contentType(ContentType.JSON)
                .body(body).post("/customers/" + newEntity() + "/C-1/financials")
                .then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("currency"), "rule", equalTo("iso-4217"));
    }
}
