package dev.steelyard.collections.dispute;

import static dev.steelyard.collections.CollectionsFixtures.awaitOpenAmount;
import static dev.steelyard.collections.CollectionsFixtures.contact;
import static dev.steelyard.collections.CollectionsFixtures.invoiceIssued;
import static dev.steelyard.collections.CollectionsFixtures.newEntity;
import static dev.steelyard.collections.CollectionsFixtures.published;
import static dev.steelyard.collections.CollectionsFixtures.run;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.steelyard.chassis.testing.SteelyardTestResource;
import dev.steelyard.chassis.testing.Tokens;
import dev.steelyard.collections.GreenMailResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(SteelyardTestResource.class)
@WithTestResource(GreenMailResource.class)
class DisputeTest {

    static String open(String entity, String invoice, String amount, String reason, String openedOn) {
        return given().auth().oauth2(Tokens.withRoles("collector")).contentType(ContentType.JSON)
                .body("{\"legalEntity\":\"" + entity + "\",\"invoiceNumber\":\"" + invoice + "\",\"amount\":\"" + amount
                        + "\",\"reason\":\"" + reason + "\",\"openedOn\":\"" + openedOn + "\"}")
                .post("/disputes").then().statusCode(201).extract().path("disputeId");
    }

    @Test
    void disputedInvoiceIsSkippedAndResumedAfterResolution() {
        String entity = newEntity();
        contact(entity, "C-1", "ap@" + entity + ".example", "en");
        invoiceIssued(entity, "C-1", "INV-1", "EUR", "1000.00", "2013-01-01", "2013-01-31");
        invoiceIssued(entity, "C-1", "INV-2", "EUR", "300.00", "2013-01-01", "2013-01-31");
        awaitOpenAmount(entity, "C-1", "INV-1", "1000.00");
        awaitOpenAmount(entity, "C-1", "INV-2", "300.00");
        String dispute = open(entity, "INV-1", "200.00", "QUANTITY", "2013-01-25");

        assertEquals(List.of(List.of("INV-2")), run(entity, "2013-02-01").getList("sent.invoices.invoiceNumber"));

        given().auth().oauth2(Tokens.withRoles("collector")).contentType(ContentType.JSON)
                .body("{\"resolution\":\"CUSTOMER_WRONG\",\"note\":\"Delivery note signed for 20 t\","
                        + "\"resolvedOn\":\"2013-02-03\"}")
                .post("/disputes/" + dispute + "/resolution").then().statusCode(200)
                .body("status", equalTo("RESOLVED")).body("ageDays", equalTo(9));

        var resumed = run(entity, "2013-02-04");
        assertEquals(List.of(List.of("INV-1")), resumed.getList("sent.invoices.invoiceNumber"));
        assertEquals(List.of(List.of(4)), resumed.getList("sent.invoices.daysPastDue"));
        await().atMost(Duration.ofSeconds(15)).until(() -> published(entity, "DisputeResolved.v1").size() == 1);
        assertEquals(List.of("{\"legalEntity\":\"" + entity + "\",\"customerId\":\"C-1\",\"disputeId\":\"" + dispute
                + "\",\"invoiceNumber\":\"INV-1\",\"amount\":\"200.00\",\"currency\":\"EUR\",\"reason\":\"QUANTITY\"}"),
                published(entity, "DisputeOpened.v1"));
        assertEquals(List.of("{\"legalEntity\":\"" + entity + "\",\"customerId\":\"C-1\",\"disputeId\":\"" + dispute
                + "\",\"invoiceNumber\":\"INV-1\",\"amount\":\"200.00\",\"currency\":\"EUR\","
                + "\"resolution\":\"CUSTOMER_WRONG\"}"), published(entity, "DisputeResolved.v1"));
    }

    @Test
    void disputeAgeCountsTheDaysSinceItWasOpened() {
        String entity = newEntity();
        invoiceIssued(entity, "C-1", "INV-3", "EUR", "500.00", "2013-01-01", "2013-01-31");
        awaitOpenAmount(entity, "C-1", "INV-3", "500.00");
        String dispute = open(entity, "INV-3", "500.00", "NOT_RECEIVED", "2013-02-01");
        given().auth().oauth2(Tokens.withRoles("collector")).contentType(ContentType.JSON)
                .body("{\"assignee\":\"m.keller\"}").post("/disputes/" + dispute + "/assignment").then().statusCode(200);
        given().auth().oauth2(Tokens.withRoles("collector")).contentType(ContentType.JSON)
                .body("{\"text\":\"Carrier confirms delivery on 2013-01-05\"}")
                .post("/disputes/" + dispute + "/comments").then().statusCode(200);

        given().auth().oauth2(Tokens.withRoles("collector"))
                .get("/disputes?entity=" + entity + "&status=OPEN&asOf=2013-02-15").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].ageDays", equalTo(14)).body("[0].assignee", equalTo("m.keller"))
                .body("[0].reason", equalTo("NOT_RECEIVED"))
                .body("[0].comments[0].text", equalTo("Carrier confirms delivery on 2013-01-05"));
    }

    @Test
    void secondOpenDisputeOnTheSameInvoiceIsAConflict() {
        String entity = newEntity();
        invoiceIssued(entity, "C-1", "INV-4", "EUR", "500.00", "2013-01-01", "2013-01-31");
        awaitOpenAmount(entity, "C-1", "INV-4", "500.00");
        open(entity, "INV-4", "100.00", "PRICING", "2013-02-01");
        given().auth().oauth2(Tokens.withRoles("collector")).contentType(ContentType.JSON)
                .body("{\"legalEntity\":\"" + entity + "\",\"invoiceNumber\":\"INV-4\",\"amount\":\"50.00\","
                        + "\"reason\":\"PRICING\"}")
                .post("/disputes").then().statusCode(409).contentType("application/problem+json")
                .body("field", equalTo("invoiceNumber"));
    }

    @Test
    void badDisputesAreRefusedNamingTheField() {
        String entity = newEntity();
        given().auth().oauth2(Tokens.withRoles("collector")).contentType(ContentType.JSON)
                .body("{\"legalEntity\":\"" + entity + "\",\"invoiceNumber\":\"INV-9\",\"amount\":\"50.00\","
                        + "\"reason\":\"TOO_EXPENSIVE\"}")
                .post("/disputes").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("reason"));
        given().auth().oauth2(Tokens.withRoles("collector")).contentType(ContentType.JSON)
                .body("{\"legalEntity\":\"" + entity + "\",\"invoiceNumber\":\"INV-9\",\"amount\":\"50.00\","
                        + "\"reason\":\"PRICING\"}")
                .post("/disputes").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("invoiceNumber")).body("errors[0].rule", equalTo("known-invoice"));
    }
}
