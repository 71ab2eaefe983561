package dev.steelyard.payments.events;

import static dev.steelyard.payments.Payments.PATIENCE;
import static dev.steelyard.payments.Payments.postPayment;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import dev.steelyard.chassis.outbox.OutboxEvent;
import dev.steelyard.chassis.testing.EventContracts;
import dev.steelyard.chassis.testing.KafkaTestClient;
import dev.steelyard.chassis.testing.SteelyardTestResource;
import dev.steelyard.chassis.testing.Tokens;
import dev.steelyard.payments.Payments;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(SteelyardTestResource.class)
class PaymentEventContractTest {

    private static final List<String> TYPES = List.of("PaymentReceived.v1", "UnappliedCashApplied.v1",
            "PaymentReversed.v1");

    @Test
    void examplesConformToTheirSchemas() {
        for (String type : TYPES) {
            assertEquals(Set.of(), EventContracts.violations(type, EventContracts.example(type)), type);
        }
    }

    @Test
    void schemasRejectDataThatBreaksTheContract() {
        String broken = EventContracts.example("PaymentReceived.v1").replace("\"60.00\"", "60.0");
        assertEquals(1, EventContracts.violations("PaymentReceived.v1", broken).size());
    }

    @Test
    void everyEventThisServiceWritesConformsToItsSchemaAndIsPublishedWithItsKey() {
        String entity = Payments.newEntity();
        String customer = Payments.newCustomer();
        Payments.invoiceIssued(entity, customer, "E-1", "USD", "10.00", "2013-01-01", "2013-01-31");
        String paymentId = postPayment(entity, customer, "25.00", "USD", "2013-01-10", "TX-" + UUID.randomUUID(), "E-1")
                .statusCode(201).extract().path("paymentId");
        Payments.invoiceIssued(entity, customer, "E-2", "USD", "5.00", "2013-01-15", "2013-02-14");
        await().atMost(PATIENCE).until(() -> Payments.openAmount(entity, "E-2").equals("0.00"));
        given().auth().oauth2(Tokens.withRoles("collector")).contentType(ContentType.JSON)
                .body("{\"amount\":\"10.00\",\"refundDate\":\"2013-02-01\",\"reference\":\"RF-1\"}")
                .post("/unapplied-cash/" + paymentId + "/refunds").then().statusCode(200);

        // Every event in the outbox, of every test so far, not only this one's.
        List<OutboxEvent> written = QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>listAll());
        for (OutboxEvent event : written) {
            assertEquals(Set.of(), EventContracts.violations(event.eventType, event.payload),
                    event.eventType + " " + event.payload);
        }
        assertEquals(TYPES, Payments.events(entity, customer).stream().map(e -> e.get("type").asText()).toList());

        await().atMost(PATIENCE).until(() -> KafkaTestClient.readAll("ar.payments").stream()
                .filter(r -> (entity + "/" + customer).equals(r.key())).count() == 3);
        List<ConsumerRecord<String, byte[]>> published = KafkaTestClient.readAll("ar.payments").stream()
                .filter(r -> (entity + "/" + customer).equals(r.key())).toList();
        assertEquals(TYPES, published.stream().map(r -> KafkaTestClient.header(r, "ce_type")).toList());
        assertEquals(paymentId, KafkaTestClient.header(published.get(0), "ce_subject"));
        assertEquals("/steelyard/payments-service", KafkaTestClient.header(published.get(0), "ce_source"));
    }
}
