package dev.steelyard.collections.dunning;

import static dev.steelyard.collections.CollectionsFixtures.awaitOpenAmount;
import static dev.steelyard.collections.CollectionsFixtures.contact;
import static dev.steelyard.collections.CollectionsFixtures.invoiceIssued;
import static dev.steelyard.collections.CollectionsFixtures.newEntity;
import static dev.steelyard.collections.CollectionsFixtures.run;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
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
class DunningThresholdsTest {

    @Test
    void cancelledInvoiceIsNeverDunned() {
        String entity = newEntity();
        contact(entity, "C-1", "ap@" + entity + ".example", "en");
        invoiceIssued(entity, "C-1", "INV-C", "EUR", "700.00", "2013-01-01", "2013-01-31");
        invoiceIssued(entity, "C-1", "INV-K", "EUR", "300.00", "2013-01-01", "2013-01-31");
        KafkaTestClient.send(KafkaTestClient.cloudEvent("ar.invoicing", entity + "/C-1", UUID.randomUUID().toString(),
                "InvoiceCancelled.v1", """
                        {"legalEntity":"%s","invoiceNumber":"INV-C","customerId":"C-1","currency":"EUR",
                         "amount":"700.00","cancellationDate":"2013-01-05"}""".formatted(entity)));
        await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(Tokens.withRoles("collector"))
                .get("/receivables?entity=" + entity + "&customer=C-1").then().statusCode(200).extract().jsonPath()
                .getList("invoiceNumber").equals(List.of("INV-K")));

        assertEquals(List.of(List.of("INV-K")), run(entity, "2013-02-01").getList("sent.invoices.invoiceNumber"));
    }

    @Test
    void levelWaitsUntilTheInvoicesAtItReachItsMinimumOpenAmount() {
        String entity = newEntity();
        contact(entity, "C-1", "ap@" + entity + ".example", "en");
        given().auth().oauth2(Tokens.withRoles("admin")).contentType(ContentType.JSON)
                .body("""
                        {"minimumGapDays":7,"levels":[
                          {"level":1,"daysPastDue":1,"minimumOpenAmount":"500.00","channel":"EMAIL","actions":[],
                           "templates":{"en":{"subject":"Overdue {total}","body":"{invoices}","line":"{invoiceNumber}"},
                                        "de":{"subject":"Überfällig {total}","body":"{invoices}","line":"{invoiceNumber}"}}}]}""")
                .put("/dunning/policies/" + entity).then().statusCode(200);
        invoiceIssued(entity, "C-1", "SMALL-1", "EUR", "100.00", "2013-01-01", "2013-01-31");
        awaitOpenAmount(entity, "C-1", "SMALL-1", "100.00");
        assertEquals(List.of(), run(entity, "2013-02-01").getList("sent"));

        invoiceIssued(entity, "C-1", "SMALL-2", "EUR", "450.00", "2013-01-02", "2013-02-01");
        awaitOpenAmount(entity, "C-1", "SMALL-2", "450.00");
        assertEquals(List.of(List.of("SMALL-1", "SMALL-2")),
                run(entity, "2013-02-02").getList("sent.invoices.invoiceNumber"));
    }
}
