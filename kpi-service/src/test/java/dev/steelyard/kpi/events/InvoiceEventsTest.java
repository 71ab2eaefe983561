package dev.steelyard.kpi.events;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import dev.steelyard.chassis.testing.KafkaTestClient;
import dev.steelyard.chassis.testing.SteelyardTestResource;
import dev.steelyard.chassis.testing.Tokens;
import dev.steelyard.kpi.ArEvents;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(SteelyardTestResource.class)
class InvoiceEventsTest {

    /** Each test uses its own legal entity, so figures of other tests never mix in. */
    private static String newEntity() {
        return "T" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static ProducerRecord<String, byte[]> invoiceIssued(String entity, String eventId, String number,
            String amount) {
        return KafkaTestClient.cloudEvent("ar.invoicing", entity + "/C-1", eventId, "InvoiceIssued.v1", """
                {"legalEntity":"%s","invoiceNumber":"%s","customerId":"C-1","currency":"USD","amount":"%s",
                 "issueDate":"2012-01-05","dueDate":"2012-02-04","someFutureField":{"x":1}}"""
                .formatted(entity, number, amount));
    }

    private static String openAr(String entity) {
        List<String> totals = given().auth().oauth2(Tokens.withRoles("ops")).queryParam("entity", entity)
                .get("/kpis/open-ar")
                .then().statusCode(200).extract().jsonPath().getList("openAR");
        return totals.isEmpty() ? "none" : totals.get(0);
    }

    @Test
    void issuedInvoiceRaisesOpenReceivables() {
        String entity = newEntity();
        KafkaTestClient.send(invoiceIssued(entity, UUID.randomUUID().toString(), "A-1", "55.94"));
        await().atMost(Duration.ofSeconds(15)).until(() -> openAr(entity).equals("55.94"));
        given().auth().oauth2(Tokens.withRoles("ops")).queryParam("entity", entity).get("/kpis/open-ar")
                .then().body("currency", equalTo(List.of("USD")));
    }

    @Test
    void redeliveredEventIsCountedOnce() {
        String entity = newEntity();
        String eventId = UUID.randomUUID().toString();
        KafkaTestClient.send(invoiceIssued(entity, eventId, "A-1", "100.00"));
        KafkaTestClient.send(invoiceIssued(entity, eventId, "A-1", "100.00"));
        // Same key, same partition: once the later event shows, the redelivery before it was processed too.
        KafkaTestClient.send(invoiceIssued(entity, UUID.randomUUID().toString(), "A-2", "0.01"));
        await().atMost(Duration.ofSeconds(15)).until(() -> !openAr(entity).equals("none")
                && !openAr(entity).equals("100.00"));
        assertEquals("100.01", openAr(entity));
    }

    @Test
    void malformedEventGoesToTheDeadLetterTopicAndLaterEventsStillFlow() {
        String entity = newEntity();
        ProducerRecord<String, byte[]> withoutId = invoiceIssued(entity, "ignored", "BAD-1", "1.00");
        withoutId.headers().remove("ce_id");
        KafkaTestClient.send(withoutId);
        ProducerRecord<String, byte[]> notJson = KafkaTestClient.cloudEvent("ar.invoicing", entity + "/C-1",
                UUID.randomUUID().toString(), "InvoiceIssued.v1", "{not json");
        KafkaTestClient.send(notJson);
        KafkaTestClient.send(invoiceIssued(entity, UUID.randomUUID().toString(), "GOOD-1", "42.00"));

        await().atMost(Duration.ofSeconds(15)).until(() -> openAr(entity).equals("42.00"));
        List<ConsumerRecord<String, byte[]>> deadLetters = KafkaTestClient.readAll("ar.kpi.dlq").stream()
                .filter(r -> (entity + "/C-1").equals(r.key())).toList();
        assertEquals(List.of("header ce_id is missing",
                "event " + KafkaTestClient.header(deadLetters.get(1), "ce_id") + " data is not JSON"),
                deadLetters.stream().map(r -> KafkaTestClient.header(r, "dead-letter-reason")).toList());
    }

    @Test
    void eventWithMissingDataIsDeadLetteredWithTheField() {
        String entity = newEntity();
        String eventId = UUID.randomUUID().toString();
        KafkaTestClient.send(KafkaTestClient.cloudEvent("ar.invoicing", entity + "/C-1", eventId, "InvoiceIssued.v1",
                "{\"legalEntity\":\"" + entity + "\",\"invoiceNumber\":\"X\",\"customerId\":\"C-1\",\"currency\":\"USD\"}"));
        KafkaTestClient.send(invoiceIssued(entity, UUID.randomUUID().toString(), "GOOD-2", "7.00"));
        await().atMost(Duration.ofSeconds(15)).until(() -> openAr(entity).equals("7.00"));
        List<String> reasons = KafkaTestClient.readAll("ar.kpi.dlq").stream()
                .filter(r -> eventId.equals(KafkaTestClient.header(r, "ce_id")))
                .map(r -> KafkaTestClient.header(r, "dead-letter-reason")).toList();
        assertEquals(List.of("InvoiceIssued.v1 event " + eventId + " rejected: data.issueDate is missing"), reasons);
    }

    @Test
    void poisonRecordInABatchGoesAloneToTheDeadLetterTopicAndTheRestOfTheBatchIsApplied() {
        String entity = newEntity();
        String goodId = UUID.randomUUID().toString();
        String poisonId = UUID.randomUUID().toString();
        ProducerRecord<String, byte[]> good = invoiceIssued(entity, goodId, "A-1", "10.00");
        ProducerRecord<String, byte[]> poison = KafkaTestClient.cloudEvent("ar.invoicing", entity + "/C-1", poisonId,
                "InvoiceIssued.v1", "{\"legalEntity\":\"" + entity
                        + "\",\"invoiceNumber\":\"X\",\"customerId\":\"C-1\",\"currency\":\"USD\"}");
        // One record batch: the good invoice, the poison, the good invoice redelivered, another good one.
        ArEvents.sendTogether(List.of(good, poison, invoiceIssued(entity, goodId, "A-1", "10.00"),
                invoiceIssued(entity, UUID.randomUUID().toString(), "A-2", "0.50")));

        await().atMost(Duration.ofSeconds(15)).until(() -> openAr(entity).equals("10.50"));
        List<ConsumerRecord<String, byte[]>> deadLetters = KafkaTestClient.readAll("ar.kpi.dlq").stream()
                .filter(r -> (entity + "/C-1").equals(r.key())).toList();
        assertEquals(List.of(poisonId + " InvoiceIssued.v1 event " + poisonId
                + " rejected: data.issueDate is missing"), deadLetters.stream()
                .map(r -> KafkaTestClient.header(r, "ce_id") + " " + KafkaTestClient.header(r, "dead-letter-reason"))
                .toList());
    }

    @Test
    void openReceivablesOfAnotherEntityAreInvisible() {
        String entity = newEntity();
        KafkaTestClient.send(invoiceIssued(entity, UUID.randomUUID().toString(), "A-1", "9.99"));
        await().atMost(Duration.ofSeconds(15)).until(() -> openAr(entity).equals("9.99"));
        given().auth().oauth2(Tokens.limitedTo(List.of("someone-else"), "ops")).queryParam("entity", entity)
                .get("/kpis/open-ar").then().statusCode(404).contentType("application/problem+json");
    }
}
