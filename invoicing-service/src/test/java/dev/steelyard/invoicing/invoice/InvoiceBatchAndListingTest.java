package dev.steelyard.invoicing.invoice;

import static dev.steelyard.invoicing.invoice.InvoiceJson.newEntity;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.steelyard.chassis.testing.SteelyardTestResource;
import dev.steelyard.chassis.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@WithTestResource(SteelyardTestResource.class)
class InvoiceBatchAndListingTest {

    @Test
    void oneBadItemSpoilsNothingElse() {
        String entity = newEntity();
        String good = InvoiceJson.simple(entity, "B-1", "C-1", "10.00");
        String badType = InvoiceJson.simple(entity, "B-2", "C-1", "10.00").replace("\"quantity\":\"1\"",
                "\"quantity\":\"lots\"");
        String badTotal = InvoiceJson.simple(entity, "B-3", "C-1", "10.00").replace("\"grossAmount\":\"10.00\"",
                "\"grossAmount\":\"11.00\"");
        given().auth().oauth2(Tokens.withRoles("erp")).contentType(ContentType.JSON)
                .body("{\"invoices\":[" + good + "," + badType + "," + badTotal + "," + good + "]}")
                .post("/invoices/batch")
                .then().statusCode(200)
                .body("created", equalTo(1), "replayed", equalTo(1), "rejected", equalTo(2))
                .body("items.status", equalTo(List.of("created", "rejected", "rejected", "replayed")))
                .body("items[1].problem.field", equalTo("lines[0].quantity"))
                .body("items[2].problem.field", equalTo("grossAmount"))
                .body("items[2].problem.rule", equalTo("net-plus-tax"));
        given().auth().oauth2(Tokens.withRoles("ops")).queryParam("legalEntity", entity).get("/invoices")
                .then().body("items.invoiceNumber", equalTo(List.of("B-1")));
    }

    @Test
    void batchOverTheLimitIsRefused() {
        List<String> items = new ArrayList<>(Collections.nCopies(1001, "{}"));
        given().auth().oauth2(Tokens.withRoles("erp")).contentType(ContentType.JSON)
                .body("{\"invoices\":[" + String.join(",", items) + "]}")
                .post("/invoices/batch")
                .then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("invoices"), "rule", equalTo("size"));
    }

    @Test
    void listingFiltersAndPagesWithACursor() {
        String entity = newEntity();
        List<String> bodies = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            bodies.add(InvoiceJson.simple(entity, "L-" + i, i % 2 == 0 ? "C-EVEN" : "C-ODD", i + "0.00"));
        }
        given().auth().oauth2(Tokens.withRoles("erp")).contentType(ContentType.JSON)
                .body("{\"invoices\":[" + String.join(",", bodies) + "]}").post("/invoices/batch")
                .then().body("created", equalTo(5));

        JsonPath first = given().auth().oauth2(Tokens.withRoles("ops"))
                .queryParam("legalEntity", entity).queryParam("customer", "C-ODD").queryParam("limit", 2)
                .get("/invoices").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("L-1", "L-3"), first.getList("items.invoiceNumber"));
        JsonPath second = given().auth().oauth2(Tokens.withRoles("ops"))
                .queryParam("legalEntity", entity).queryParam("customer", "C-ODD").queryParam("limit", 2)
                .queryParam("cursor", first.getString("nextCursor"))
                .get("/invoices").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("L-5"), second.getList("items.invoiceNumber"));
        assertNull(second.getString("nextCursor"));

        given().auth().oauth2(Tokens.withRoles("ops")).queryParam("legalEntity", entity)
                .queryParam("status", "OPEN").queryParam("issuedFrom", "2013-01-02").queryParam("dueTo", "2013-02-01")
                .get("/invoices").then().body("items.size()", equalTo(5));
        given().auth().oauth2(Tokens.withRoles("ops")).queryParam("legalEntity", entity)
                .queryParam("dueFrom", "2013-02-02").get("/invoices").then().body("items.size()", equalTo(0));
        given().auth().oauth2(Tokens.withRoles("ops")).queryParam("cursor", "garbage!").get("/invoices")
                .then().statusCode(400).body("field", equalTo("cursor"));
        given().auth().oauth2(Tokens.withRoles("ops")).queryParam("status", "PAID").get("/invoices")
                .then().statusCode(400).body("field", equalTo("status"), "rule", equalTo("one-of"));
        given().auth().oauth2(Tokens.withRoles("ops")).queryParam("dueTo", "2013-13-01").get("/invoices")
                .then().statusCode(400).body("field", equalTo("dueTo"), "rule", equalTo("format"));
    }
}
