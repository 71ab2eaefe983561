package dev.steelyard.invoicing.invoice;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import org.junit.jupiter.api.Test;

import dev.steelyard.chassis.testing.SteelyardTestResource;
import dev.steelyard.chassis.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(SteelyardTestResource.class)
class InvoiceInputTest {

    private static void rejected(String body, int status, String field, String rule) {
        given().auth().oauth2(Tokens.withRoles("erp")).contentType(ContentType.JSON).body(body)
                .post("/invoices")
                .then().statusCode(status)
                .contentType("application/problem+json")
                .body("field", equalTo(field), "rule", equalTo(rule), "status", equalTo(status))
                .body(not(containsString("Exception")));
    }

    @Test
    void malformedJsonNamesTheBody() {
        rejected("{\"legalEntity\":", 400, "body", "json");
    }

    @Test
    void missingCustomerIsNamed() {
        rejected("""
                {"legalEntity":"391","invoiceNumber":"X-1","currency":"USD","amount":1,
                 "issueDate":"2013-01-02","dueDate":"2013-02-01"}""", 400, "customerId", "required");
    }

    @Test
    void unknownFieldIsNamed() {
        rejected("""
                {"legalEntity":"391","invoiceNumber":"X-1","customerId":"C","currency":"USD","amount":1,
                 "issueDate":"2013-01-02","dueDate":"2013-02-01","colour":"red"}""", 400, "colour", "known-field");
    }

    @Test
    void negativeAmountIsNamed() {
        rejected("""
                {"legalEntity":"391","invoiceNumber":"X-1","customerId":"C","currency":"USD","amount":-5,
                 "issueDate":"2013-01-02","dueDate":"2013-02-01"}""", 400, "amount", "positive");
    }

    @Test
    void unknownCurrencyIsNamed() {
        rejected("""
                {"legalEntity":"391","invoiceNumber":"X-1","customerId":"C","currency":"XYZ","amount":1,
                 "issueDate":"2013-01-02","dueDate":"2013-02-01"}""", 400, "currency", "iso-4217");
    }

    @Test
    void moreDecimalsThanTheCurrencyHasIsNamed() {
        rejected("""
                {"legalEntity":"391","invoiceNumber":"X-1","customerId":"C","currency":"JPY","amount":100.5,
                 "issueDate":"2013-01-02","dueDate":"2013-02-01"}""", 400, "amount", "minor-units");
    }

    @Test
    void impossibleDateIsNamed() {
        rejected("""
                {"legalEntity":"391","invoiceNumber":"X-1","customerId":"C","currency":"USD","amount":1,
                 "issueDate":"2013-02-30","dueDate":"2013-03-01"}""", 400, "issueDate", "format");
    }

    @Test
    void dueBeforeIssueIsNamed() {
        rejected("""
                {"legalEntity":"391","invoiceNumber":"X-1","customerId":"C","currency":"USD","amount":1,
                 "issueDate":"2013-02-01","dueDate":"2013-01-01"}""", 400, "dueDate", "not-before-issue-date");
    }

    @Test
    void oversizedBodyIsRefused() {
        rejected("{\"pad\":\"" + "x".repeat(1_100_000) + "\"}", 413, "body", "max-size");
    }

    @Test
    void missingTokenIsUnauthenticated() {
        given().contentType(ContentType.JSON).body("{}").post("/invoices")
                .then().statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", "Bearer");
    }

    @Test
    void forgedTokenIsUnauthenticated() {
        given().auth().oauth2(Tokens.forged("erp")).contentType(ContentType.JSON).body("{}").post("/invoices")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void expiredTokenIsUnauthenticated() {
        given().auth().oauth2(Tokens.expired("erp")).contentType(ContentType.JSON).body("{}").post("/invoices")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void wrongRoleIsForbidden() {
        given().auth().oauth2(Tokens.withRoles("ops")).contentType(ContentType.JSON).body("{}").post("/invoices")
                .then().statusCode(403).contentType("application/problem+json");
    }
}
