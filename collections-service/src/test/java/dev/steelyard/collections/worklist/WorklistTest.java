package dev.steelyard.collections.worklist;

import static dev.steelyard.collections.CollectionsFixtures.awaitOpenAmount;
import static dev.steelyard.collections.CollectionsFixtures.contact;
import static dev.steelyard.collections.CollectionsFixtures.invoiceIssued;
import static dev.steelyard.collections.CollectionsFixtures.newEntity;
import static dev.steelyard.collections.CollectionsFixtures.run;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.steelyard.chassis.testing.KafkaTestClient;
import dev.steelyard.chassis.testing.SteelyardTestResource;
import dev.steelyard.chassis.testing.Tokens;
import dev.steelyard.collections.GreenMailResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(SteelyardTestResource.class)
@WithTestResource(GreenMailResource.class)
class WorklistTest {

    private static void creditChanged(String entity, String customer, String riskClass) {
        KafkaTestClient.send(KafkaTestClient.cloudEvent("ar.credit", entity + "/" + customer,
                UUID.randomUUID().toString(), "CreditChanged.v1", """
                        {"legalEntity":"%s","customerId":"%s","currency":"EUR","limit":"50000.00","exposure":"1000.00",
                         "score":71,"riskClass":"%s","hold":false,"holdReasons":[],"changedAt":"2013-01-15T08:00:00Z"}"""
                        .formatted(entity, customer, riskClass)));
    }

    @Test
    void customersAreRankedByOverdueAmountAgeRiskAndBrokenPromises() {
        String entity = newEntity();
        invoiceIssued(entity, "C-A", "INV-A", "EUR", "1000.00", "2012-12-01", "2013-01-01");
        invoiceIssued(entity, "C-E", "INV-E", "EUR", "500.00", "2012-11-01", "2012-12-02");
        invoiceIssued(entity, "C-X", "INV-X", "EUR", "2000.00", "2013-01-01", "2013-01-16");
        invoiceIssued(entity, "C-N", "INV-N", "EUR", "9000.00", "2013-01-01", "2013-03-01");
        creditChanged(entity, "C-A", "A");
        creditChanged(entity, "C-E", "E");
        awaitOpenAmount(entity, "C-N", "INV-N", "9000.00");
        await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(Tokens.withRoles("collector"))
                .get("/worklist?entity=" + entity + "&asOf=2013-01-31").then().extract().jsonPath()
                .getList("riskClass").contains("E"));

        // C-X 2000 × (1 + 15/30) × 1.0 = 3000; C-E 500 × (1 + 60/30) × 1.6 = 2400; C-A 1000 × 2 × 0.6 = 1200.
        given().auth().oauth2(Tokens.withRoles("collector")).get("/worklist?entity=" + entity + "&asOf=2013-01-31")
                .then().statusCode(200)
                .body("customerId", equalTo(List.of("C-X", "C-E", "C-A")))
                .body("priority", equalTo(List.of("3000.00", "2400.00", "1200.00")))
                .body("daysPastDue", equalTo(List.of(15, 60, 30)))
                .body("overdue.EUR", equalTo(List.of("2000.00", "500.00", "1000.00")))
                .body("nextAction", equalTo(List.of("ADD_CONTACT", "ADD_CONTACT", "ADD_CONTACT")));
    }

    @Test
    void activityLogKeepsCallsNotesAndDunningSteps() {
        String entity = newEntity();
        contact(entity, "C-1", "ap@" + entity + ".example", "en");
        invoiceIssued(entity, "C-1", "INV-1", "EUR", "1000.00", "2013-01-01", "2013-01-31");
        awaitOpenAmount(entity, "C-1", "INV-1", "1000.00");
        given().auth().oauth2(Tokens.withRoles("collector")).contentType(ContentType.JSON)
                .body("{\"kind\":\"CALL\",\"note\":\"Spoke to AP clerk, invoice in approval\"}")
                .post("/customers/" + entity + "/C-1/activities").then().statusCode(201);
        run(entity, "2013-02-15");

        given().auth().oauth2(Tokens.withRoles("collector")).get("/customers/" + entity + "/C-1/activities")
                .then().statusCode(200)
                .body("kind", equalTo(List.of("CALL", "DUNNING")))
                .body("[0].note", equalTo("Spoke to AP clerk, invoice in approval"))
                .body("[1].note", equalTo("Level 2 email reminder as of 2013-02-15 for 1000.00 EUR; actions NOTIFY_COLLECTOR"));
        given().auth().oauth2(Tokens.withRoles("collector")).get("/worklist?entity=" + entity + "&asOf=2013-02-15")
                .then().statusCode(200).body("[0].nextAction", equalTo("CALL_CUSTOMER"));
        assertEquals(403, given().auth().oauth2(Tokens.withRoles("ops")).get("/worklist?entity=" + entity)
                .then().extract().statusCode());
    }
}
