package dev.steelyard.invoicing.settlement;

import static dev.steelyard.invoicing.invoice.InvoiceJson.newEntity;
import static dev.steelyard.invoicing.invoice.InvoiceJson.newNumber;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.steelyard.chassis.testing.KafkaTestClient;
import dev.steelyard.chassis.testing.SteelyardTestResource;
import dev.steelyard.chassis.testing.Tokens;
import dev.steelyard.invoicing.invoice.InvoiceJson;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(SteelyardTestResource.class)
class SettlementTest {

    static void paymentEvent(String entity, String eventId, String type, String paymentId, String invoice,
            String amount, String extra) {
        KafkaTestClient.send(KafkaTestClient.cloudEvent("ar.payments", entity + "/C-1", eventId, type, """
                {"legalEntity":"%s","paymentId":"%s","customerId":"C-1","currency":"USD","amount":"%s",
                 "valueDate":"2013-01-15","reversalDate":"2013-01-25","reason":"CHARGEBACK",
                 "allocations":[{"invoiceNumber":"%s","amount":"%s",%s"valueDate":"2013-01-15"}],
                 "unappliedAmount":"0.00"}""".formatted(entity, paymentId, amount, invoice, amount, extra)));
    }

    static String issue(String entity, String number, String amount) {
        given().auth().oauth2(Tokens.withRoles("erp")).contentType(ContentType.JSON)
                .body(InvoiceJson.simple(entity, number, "C-1", amount)).post("/invoices").then().statusCode(201);
        return number;
    }

    static String status(String entity, String number) {
        io.restassured.path.json.JsonPath invoice = given().auth().oauth2(Tokens.withRoles("ops"))
                .get("/invoices/" + entity + "/" + number).then().statusCode(200).extract().jsonPath();
        return invoice.getString("status") + " " + invoice.getString("openAmount");
    }

    @Test
    void partialPaymentLeavesTheRestOpenAndAReplayChangesNothing() {
        String entity = newEntity();
        String invoice = issue(entity, newNumber(), "1000.00");
        String eventId = UUID.randomUUID().toString();
        paymentEvent(entity, eventId, "PaymentReceived.v1", "P-1", invoice, "400.00", "");
        paymentEvent(entity, eventId, "PaymentReceived.v1", "P-1", invoice, "400.00", "");
        paymentEvent(entity, UUID.randomUUID().toString(), "PaymentReceived.v1", "P-2", invoice, "100.00",
                "\"discount\":\"0\",\"writeOff\":\"0.50\",");
        await().atMost(Duration.ofSeconds(15)).until(() -> status(entity, invoice).equals("PARTLY_SETTLED 499.50"));
    }

    @Test
    void paymentKnownBeforeItsInvoiceCountsWhenTheInvoiceArrives() {
        String entity = newEntity();
        String number = newNumber();
        paymentEvent(entity, UUID.randomUUID().toString(), "PaymentReceived.v1", "P-9", number, "55.94", "");
        await().atMost(Duration.ofSeconds(15)).until(() -> io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> Settlement.count("legalEntity", entity)) == 1);
        issue(entity, number, "55.94");
        await().atMost(Duration.ofSeconds(5)).until(() -> status(entity, number).equals("SETTLED 0.00"));
    }

    @Test
    void chargebackReopensTheInvoice() {
        String entity = newEntity();
        String invoice = issue(entity, newNumber(), "300.00");
        paymentEvent(entity, UUID.randomUUID().toString(), "PaymentReceived.v1", "P-3", invoice, "300.00", "");
        await().atMost(Duration.ofSeconds(15)).until(() -> status(entity, invoice).equals("SETTLED 0.00"));
        paymentEvent(entity, UUID.randomUUID().toString(), "PaymentReversed.v1", "P-3", invoice, "300.00", "");
        await().atMost(Duration.ofSeconds(15)).until(() -> status(entity, invoice).equals("OPEN 300.00"));
    }

    @Test
    void invoiceWithPaymentsCannotBeCancelledButOneWithoutCan() {
        String entity = newEntity();
        String paid = issue(entity, newNumber(), "300.00");
        paymentEvent(entity, UUID.randomUUID().toString(), "PaymentReceived.v1", "P-4", paid, "100.00", "");
        await().atMost(Duration.ofSeconds(15)).until(() -> status(entity, paid).equals("PARTLY_SETTLED 200.00"));
        given().auth().oauth2(Tokens.withRoles("erp")).contentType(ContentType.JSON)
                .body("{\"cancellationDate\":\"2013-01-20\",\"reason\":\"Posted twice\"}")
                .post("/invoices/" + entity + "/" + paid + "/cancellation")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("Invoice " + paid + " has payments of 100.00 USD; it cannot be cancelled: "
                        + "issue a credit note for the open amount 200.00 instead"));

        String unpaid = issue(entity, newNumber(), "300.00");
        given().auth().oauth2(Tokens.withRoles("erp")).contentType(ContentType.JSON)
                .body("{\"cancellationDate\":\"2013-01-20\",\"reason\":\"Posted twice\"}")
                .post("/invoices/" + entity + "/" + unpaid + "/cancellation")
                .then().statusCode(200)
                .body("status", equalTo("CANCELLED"), "openAmount", equalTo("0.00"),
                        "cancellationDate", equalTo("2013-01-20"));
        await().atMost(Duration.ofSeconds(10)).until(() -> KafkaTestClient.readAll("ar.invoicing", "InvoiceCancelled.v1")
                .stream().anyMatch(r -> KafkaTestClient.value(r).equals("{\"legalEntity\":\"" + entity
                        + "\",\"invoiceNumber\":\"" + unpaid + "\",\"customerId\":\"C-1\",\"currency\":\"USD\","
                        + "\"amount\":\"300.00\",\"cancellationDate\":\"2013-01-20\",\"reason\":\"Posted twice\"}")));
    }
}
