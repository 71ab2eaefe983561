package dev.steelyard.credit.events;

import static dev.steelyard.credit.Credit.awaitCredit;
import static dev.steelyard.credit.Credit.event;
import static dev.steelyard.credit.Credit.field;
import static dev.steelyard.credit.Credit.issue;
import static dev.steelyard.credit.Credit.newEntity;
import static dev.steelyard.credit.Credit.paymentReceived;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.steelyard.chassis.testing.KafkaTestClient;
import dev.steelyard.chassis.testing.SteelyardTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@WithTestResource(SteelyardTestResource.class)
class ArEventsTest {

    private static String collections(String entity, String type, String id) {
        return """
                {"legalEntity":"%s","customerId":"C-1","disputeId":"%s","promiseId":"%s","invoiceNumber":"INV-1",
                 "amount":"100.00","currency":"EUR","promisedDate":"2025-06-15","reason":"Short weight"}"""
                .formatted(entity, id, id);
    }

    @Test
    void brokenPromiseAndOpenDisputeLowerTheScoreUntilTheDisputeIsResolved() {
        String entity = newEntity();
        event("ar.collections", entity, "C-1", "PromiseBroken.v1", collections(entity, "PromiseBroken.v1", "PR-1"));
        // 50 - 5 for one broken promise: class D.
        JsonPath broken = awaitCredit(entity, "C-1", field("score", 45));
        assertEquals("D [broken promises -5.0: 1 promise(s) to pay broken in the last 12 months]",
                broken.getString("riskClass") + " " + broken.getList("scoreReasons"));

        event("ar.collections", entity, "C-1", "DisputeOpened.v1", collections(entity, "DisputeOpened.v1", "D-1"));
        JsonPath disputed = awaitCredit(entity, "C-1", field("score", 42));
        assertEquals(List.of("broken promises -5.0: 1 promise(s) to pay broken in the last 12 months",
                "open disputes -3.0: 1 dispute(s) open"), disputed.getList("scoreReasons"));

        event("ar.collections", entity, "C-1", "DisputeResolved.v1", collections(entity, "DisputeResolved.v1", "D-1"));
        awaitCredit(entity, "C-1", field("score", 45));
    }

    @Test
    void reversedPaymentReopensOpenARAndTakesBackItsUnappliedCash() {
        String entity = newEntity();
        issue(entity, "C-1", "INV-1", "1000.00", "2025-07-31", null);
        event("ar.payments", entity, "C-1", "PaymentReceived.v1",
                paymentReceived(entity, "C-1", "P-1", "INV-1", "1000.00", "50.00", "2025-06-20"));
        awaitCredit(entity, "C-1", field("exposure", "-50.00"));
        event("ar.payments", entity, "C-1", "PaymentReversed.v1", """
                {"legalEntity":"%s","paymentId":"P-1","customerId":"C-1","currency":"EUR","amount":"1050.00",
                 "reversalDate":"2025-06-25","reason":"CHARGEBACK","allocations":[{"invoiceNumber":"INV-1",
                 "amount":"1000.00","discount":"0.00","writeOff":"0.00","valueDate":"2025-06-20"}],
                 "unappliedReversed":"50.00"}""".formatted(entity));
        JsonPath reversed = awaitCredit(entity, "C-1", field("exposure", "1000.00"));
        assertEquals("1000.00 0.00", reversed.getString("openAR") + " " + reversed.getString("unappliedCash"));
    }

    @Test
    void eventWithMissingDataIsDeadLetteredWithTheField() {
        String entity = newEntity();
        String eventId = UUID.randomUUID().toString();
        event("ar.invoicing", entity, "C-1", eventId, "InvoiceIssued.v1", """
                {"legalEntity":"%s","invoiceNumber":"INV-1","customerId":"C-1","currency":"EUR","amount":"10.00",
                 "issueDate":"2025-06-01"}""".formatted(entity));
        await().atMost(Duration.ofSeconds(20)).until(() -> KafkaTestClient.readAll("ar.credit.dlq").stream()
                .anyMatch(r -> eventId.equals(KafkaTestClient.header(r, "ce_id"))));
        assertEquals(List.of("InvoiceIssued.v1 event " + eventId + " rejected: data.dueDate is required"),
                KafkaTestClient.readAll("ar.credit.dlq").stream()
                        .filter(r -> eventId.equals(KafkaTestClient.header(r, "ce_id")))
                        .map(r -> KafkaTestClient.header(r, "dead-letter-reason")).toList());
    }
}
