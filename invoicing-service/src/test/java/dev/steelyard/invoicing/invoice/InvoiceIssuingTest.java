package dev.steelyard.invoicing.invoice;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import dev.steelyard.chassis.outbox.OutboxEvent;
import dev.steelyard.chassis.testing.KafkaTestClient;
import dev.steelyard.chassis.testing.SteelyardTestResource;
import dev.steelyard.chassis.testing.TestInfrastructure;
import dev.steelyard.chassis.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(SteelyardTestResource.class)
class InvoiceIssuingTest {

    static String invoice(String number, String amount) {
        return """
                {"legalEntity":"391","invoiceNumber":"%s","customerId":"0379-NEVHP","currency":"USD",
                 "amount":%s,"issueDate":"2013-01-02","dueDate":"2013-02-01"}""".formatted(number, amount);
    }

    static List<ConsumerRecord<String, byte[]>> issuedEventsFor(String number) {
        return KafkaTestClient.readAll("ar.invoicing", "InvoiceIssued.v1").stream()
                .filter(r -> number.equals(KafkaTestClient.header(r, "ce_subject"))).toList();
    }

    static long unsentOutboxRows() {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("sentAt is null"));
    }

    @Test
    void issuedInvoiceIsPublishedExactlyOnceWithItsEventId() {
        String number = "INV-" + UUID.randomUUID();
        given().auth().oauth2(Tokens.withRoles("erp")).contentType(ContentType.JSON).body(invoice(number, "55.94"))
                .post("/invoices")
                .then().statusCode(201)
                .header("Location", endsWith("/invoices/391/" + number))
                .body("amount", equalTo("55.94"), "dueDate", equalTo("2013-02-01"));

        await().atMost(Duration.ofSeconds(10)).until(() -> issuedEventsFor(number).size() == 1);

        given().auth().oauth2(Tokens.withRoles("erp")).contentType(ContentType.JSON).body(invoice(number, "55.940"))
                .post("/invoices")
                .then().statusCode(200).body("amount", equalTo("55.94"));
        await().atMost(Duration.ofSeconds(10)).until(() -> unsentOutboxRows() == 0);

        List<ConsumerRecord<String, byte[]>> events = issuedEventsFor(number);
        assertEquals(1, events.size());
        ConsumerRecord<String, byte[]> event = events.get(0);
        String recordedId = QuarkusTransaction.requiringNew().call(() -> OutboxEvent
                .<OutboxEvent>find("subject", number).singleResult().id.toString());
        assertEquals(recordedId, KafkaTestClient.header(event, "ce_id"));
        assertEquals("1.0", KafkaTestClient.header(event, "ce_specversion"));
        assertEquals("/steelyard/invoicing-service", KafkaTestClient.header(event, "ce_source"));
        assertEquals("391/0379-NEVHP", event.key());
        assertEquals("{\"legalEntity\":\"391\",\"invoiceNumber\":\"" + number + "\",\"customerId\":\"0379-NEVHP\","
                + "\"currency\":\"USD\",\"amount\":\"55.94\",\"issueDate\":\"2013-01-02\",\"dueDate\":\"2013-02-01\"}",
                KafkaTestClient.value(event));
    }

    @Test
    void invoiceIsAcceptedWhileTheBrokerIsDownAndPublishedWhenItReturns() {
        String number = "OUTAGE-" + UUID.randomUUID();
        TestInfrastructure.get().stopKafka();
        try {
            given().auth().oauth2(Tokens.withRoles("erp")).contentType(ContentType.JSON)
                    .body(invoice(number, "1200.00"))
                    .post("/invoices")
                    .then().statusCode(201);
            assertEquals(1, unsentOutboxRows());
        } finally {
            TestInfrastructure.get().startKafka();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> unsentOutboxRows() == 0);
        assertEquals(1, issuedEventsFor(number).size());
    }

    @Test
    void conflictingReplayIsRefusedAndNamesTheDifference() {
        String number = "CONFLICT-" + UUID.randomUUID();
        given().auth().oauth2(Tokens.withRoles("erp")).contentType(ContentType.JSON).body(invoice(number, "100.00"))
                .post("/invoices").then().statusCode(201);
        given().auth().oauth2(Tokens.withRoles("erp")).contentType(ContentType.JSON).body(invoice(number, "100.01"))
                .post("/invoices")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("field", equalTo("amount"),
                        "detail", equalTo("Invoice " + number + " of 391 was posted before with other content: "
                                + "amount was 100.00, now 100.01"));
    }

    @Test
    void invoiceOfAnotherEntityIsInvisible() {
        String number = "SCOPE-" + UUID.randomUUID();
        given().auth().oauth2(Tokens.withRoles("erp")).contentType(ContentType.JSON).body(invoice(number, "10.00"))
                .post("/invoices").then().statusCode(201);
        given().auth().oauth2(Tokens.limitedTo(List.of("406"), "ops"))
                .get("/invoices/391/" + number)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.limitedTo(List.of("391"), "ops"))
                .get("/invoices/391/" + number)
                .then().statusCode(200).body("amount", equalTo("10.00"));
    }
}
