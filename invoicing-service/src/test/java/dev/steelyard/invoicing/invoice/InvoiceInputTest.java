package dev.steelyard.invoicing.invoice;

import static dev.steelyard.invoicing.invoice.InvoiceJson.line;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import dev.steelyard.chassis.testing.SteelyardTestResource;
import dev.steelyard.chassis.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(SteelyardTestResource.class)
class InvoiceInputTest {

    private static final String ONE_LINE = line("Coil", "1", "t", "10.00", "0");

    private static void rejected(String body, int status, String field, String rule) {
        given().auth().oauth2(Tokens.withRoles("erp")).contentType(ContentType.JSON).body(body)
                .post("/invoices")
                .then().statusCode(status)
                .contentType("application/problem+json")
                .body("field", equalTo(field), "rule", equalTo(rule), "status", equalTo(status))
                .body(not(containsString("Exception")));
    }

    private static String invoice(String currency, String issueDate, String lines, String net, String gross) {
        return InvoiceJson.of("391", "X-1", "C-1", currency, issueDate, "\"paymentTerms\":\"NET30\",", lines, net,
                "0", gross);
    }

    @Test
    void malformedJsonNamesTheBody() {
        rejected("{\"legalEntity\":", 400, "body", "json");
    }

    @Test
    void missingCustomerIsNamed() {
        rejected(invoice("USD", "2013-01-02", ONE_LINE, "10.00", "10.00").replaceAll("\"customer\":\\{[^}]*},", ""),
                400, "customer", "required");
    }

    @Test
    void missingLineFieldIsNamedWithItsPath() {
        rejected(invoice("USD", "2013-01-02", "{\"description\":\"Coil\",\"quantity\":\"1\",\"unit\":\"t\","
                + "\"taxRate\":\"0\"}", "10.00", "10.00"), 400, "lines[0].unitPrice", "required");
    }

    @Test
    void unknownFieldIsNamed() {
        rejected(invoice("USD", "2013-01-02", ONE_LINE, "10.00", "10.00").replace("\"currency\"",
                "\"colour\":\"red\",\"currency\""), 400, "colour", "known-field");
    }

    @Test
    void wrongTypeIsNamed() {
        rejected(invoice("USD", "2013-01-02", ONE_LINE, "10.00", "10.00").replace("\"quantity\":\"1\"",
                "\"quantity\":\"one\""), 400, "lines[0].quantity", "format");
    }

    @Test
    void zeroQuantityIsNamed() {
        rejected(invoice("USD", "2013-01-02", line("Coil", "0", "t", "10.00", "0"), "10.00", "10.00"), 400,
                "lines[0].quantity", "positive");
    }

    @Test
    void negativeQuantityIsNamed() {
        rejected(invoice("USD", "2013-01-02", line("Coil", "-1", "t", "10.00", "0"), "10.00", "10.00"), 400,
                "lines[0].quantity", "positive");
    }

    @Test
    void negativeAmountIsNamed() {
        rejected(invoice("USD", "2013-01-02", ONE_LINE, "10.00", "-10.00"), 400, "grossAmount", "positive");
    }

    @Test
    void unknownCurrencyIsNamed() {
        rejected(invoice("XYZ", "2013-01-02", ONE_LINE, "10.00", "10.00"), 400, "currency", "iso-4217");
    }

    @Test
    void moreDecimalsThanTheCurrencyHasIsNamed() {
        rejected(invoice("JPY", "2013-01-02", line("Coil", "1", "t", "100.5", "0"), "100.5", "100.5"), 400,
                "grossAmount", "minor-units");
    }

    @Test
    void impossibleDateIsNamed() {
        rejected(invoice("USD", "2013-02-30", ONE_LINE, "10.00", "10.00"), 400, "issueDate", "format");
    }

    @Test
    void dueBeforeIssueIsNamed() {
        rejected(InvoiceJson.of("391", "X-1", "C-1", "USD", "2013-02-01", "\"dueDate\":\"2013-01-01\",", ONE_LINE,
                "10.00", "0", "10.00"), 400, "dueDate", "not-before-issue-date");
    }

    @Test
    void unknownTermsAreNamed() {
        rejected(InvoiceJson.of("391", "X-1", "C-1", "USD", "2013-02-01", "\"paymentTerms\":\"NET7\",", ONE_LINE,
                "10.00", "0", "10.00"), 400, "paymentTerms", "known-terms");
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
