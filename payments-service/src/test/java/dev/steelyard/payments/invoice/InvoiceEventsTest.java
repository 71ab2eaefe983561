package dev.steelyard.payments.invoice;

import static dev.steelyard.payments.Payments.PATIENCE;
import static dev.steelyard.payments.Payments.openAmount;
import static dev.steelyard.payments.Payments.postPayment;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.steelyard.chassis.testing.KafkaTestClient;
import dev.steelyard.chassis.testing.SteelyardTestResource;
import dev.steelyard.payments.Payments;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(SteelyardTestResource.class)
class InvoiceEventsTest {

    static void send(String entity, String customer, String type, String json) {
        KafkaTestClient.send(KafkaTestClient.cloudEvent("ar.invoicing", entity + "/" + customer,
                UUID.randomUUID().toString(), type, json));
    }

    @Test
    void readerAcceptsTheFullContractShapeWithTerms() {
        String entity = Payments.newEntity();
        send(entity, "0379-NEVHP", "InvoiceIssued.v1", """
                {"legalEntity":"%s","invoiceNumber":"0000611365","customerId":"0379-NEVHP","customerName":"Nevhp Steel",
                 "customerCountry":"US","currency":"USD","netAmount":"50.40","taxAmount":"5.54","amount":"55.94",
                 "issueDate":"2013-01-02","dueDate":"2013-02-01",
                 "terms":{"code":"2/10N30","type":"NET","netDays":30,"discountPercent":"2.0","discountDays":10,
                          "discountDate":"2013-01-12","discountedAmount":"54.82"},
                 "orderReference":"SO-1","purchaseOrder":"PO-9","deliveryNote":"DN-3","futureField":{"x":1}}"""
                .formatted(entity));
        Payments.awaitInvoice(entity, "0000611365");
        OpenInvoice invoice = Payments.invoice(entity, "0000611365");
        assertEquals("55.94", invoice.open().amount().toPlainString());
        assertEquals("2013-01-12", invoice.discountDate.toString());
        assertEquals("54.82", invoice.discountedAmount.toPlainString().replaceAll("0+$", ""));
        assertEquals("611365", invoice.matchKey);
    }

    @Test
    void replayedInvoiceNeverReopensAPaidInvoice() {
        String entity = Payments.newEntity();
        String customer = Payments.newCustomer();
        Payments.invoiceIssued(entity, customer, "R-1", "USD", "20.00", "2013-01-01", "2013-01-31");
        postPayment(entity, customer, "20.00", "USD", "2013-01-10", "TX-" + UUID.randomUUID(), "R-1").statusCode(201);
        Payments.sendInvoiceIssued(UUID.randomUUID().toString(), entity, customer, "R-1", "USD", "20.00", "2013-01-01",
                "2013-01-31", null);
        Payments.invoiceIssued(entity, customer, "R-2", "USD", "1.00", "2013-01-01", "2013-01-31");
        // Same partition: R-2 is known, so the replay before it was processed too.
        assertEquals("0.00", openAmount(entity, "R-1"));
    }

    @Test
    void cancellationThatOvertakesItsInvoiceKeepsCashAway() {
        String entity = Payments.newEntity();
        String customer = Payments.newCustomer();
        send(entity, customer, "InvoiceCancelled.v1", """
                {"legalEntity":"%s","invoiceNumber":"X-1","customerId":"%s","currency":"USD","amount":"10.00",
                 "cancellationDate":"2013-01-05"}""".formatted(entity, customer));
        Payments.invoiceIssued(entity, customer, "X-1", "USD", "10.00", "2013-01-01", "2013-01-31");
        assertTrue(Payments.invoice(entity, "X-1").cancelled);
        postPayment(entity, customer, "10.00", "USD", "2013-01-10", "TX-" + UUID.randomUUID()).statusCode(201)
                .body("unappliedAmount", equalTo("10.00"));
        assertEquals("0.00", openAmount(entity, "X-1"));
    }

    @Test
    void creditNoteLowersItsInvoiceEvenWhenItArrivesFirst() {
        String entity = Payments.newEntity();
        String customer = Payments.newCustomer();
        send(entity, customer, "CreditNoteIssued.v1", """
                {"legalEntity":"%s","creditNoteNumber":"CN-1","customerId":"%s","currency":"USD","amount":"15.00",
                 "issueDate":"2013-01-04","invoiceNumber":"K-1","reason":"damaged coil"}""".formatted(entity, customer));
        Payments.invoiceIssued(entity, customer, "K-1", "USD", "100.00", "2013-01-01", "2013-01-31");
        assertEquals("85.00", openAmount(entity, "K-1"));
        send(entity, customer, "CreditNoteIssued.v1", """
                {"legalEntity":"%s","creditNoteNumber":"CN-2","customerId":"%s","currency":"USD","amount":"5.00",
                 "issueDate":"2013-01-06","invoiceNumber":"K-1","reason":"price"}""".formatted(entity, customer));
        await().atMost(PATIENCE).until(() -> openAmount(entity, "K-1").equals("80.00"));
    }

    @Test
    void invoiceEventWithoutDueDateIsDeadLetteredWithTheFieldAndLaterEventsStillFlow() {
        String entity = Payments.newEntity();
        String customer = Payments.newCustomer();
        String eventId = UUID.randomUUID().toString();
        KafkaTestClient.send(KafkaTestClient.cloudEvent("ar.invoicing", entity + "/" + customer, eventId,
                "InvoiceIssued.v1", """
                        {"legalEntity":"%s","invoiceNumber":"BAD-1","customerId":"%s","currency":"USD","amount":"1.00",
                         "issueDate":"2013-01-01"}""".formatted(entity, customer)));
        Payments.invoiceIssued(entity, customer, "GOOD-1", "USD", "2.00", "2013-01-01", "2013-01-31");
        await().atMost(PATIENCE).until(() -> KafkaTestClient.readAll("ar.payments.dlq").stream()
                .anyMatch(r -> eventId.equals(KafkaTestClient.header(r, "ce_id"))));
        assertEquals(List.of("InvoiceIssued.v1 event " + eventId + " rejected: data.dueDate is missing"),
                KafkaTestClient.readAll("ar.payments.dlq").stream()
                        .filter(r -> eventId.equals(KafkaTestClient.header(r, "ce_id")))
                        .map(r -> KafkaTestClient.header(r, "dead-letter-reason")).toList());
        assertEquals(null, Payments.invoice(entity, "BAD-1"));
    }
}
