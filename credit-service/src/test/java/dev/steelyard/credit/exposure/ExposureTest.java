package dev.steelyard.credit.exposure;

import static dev.steelyard.credit.Credit.awaitCredit;
import static dev.steelyard.credit.Credit.event;
import static dev.steelyard.credit.Credit.field;
import static dev.steelyard.credit.Credit.issue;
import static dev.steelyard.credit.Credit.newEntity;
import static dev.steelyard.credit.Credit.paymentReceived;
import static dev.steelyard.credit.Credit.putOrder;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.steelyard.chassis.testing.SteelyardTestResource;
import dev.steelyard.chassis.testing.Tokens;
import dev.steelyard.credit.Credit;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@WithTestResource(SteelyardTestResource.class)
class ExposureTest {

    @Test
    void exposureIsOpenARPlusOpenOrdersLessUnappliedCash() {
        String entity = newEntity();
        putOrder(entity, "C-1", "SO-1", "2500.00");
        putOrder(entity, "C-1", "SO-2", "1000.00");
        issue(entity, "C-1", "INV-1", "8000.00", "2025-07-31", null);
        // 1,200.00 received: 1,000.00 applied to INV-1, 200.00 left unapplied.
        event("ar.payments", entity, "C-1", "PaymentReceived.v1",
                paymentReceived(entity, "C-1", "P-1", "INV-1", "1000.00", "200.00", "2025-06-20"));

        // Payments and invoices come on different topics, in either order: wait for both.
        JsonPath credit = awaitCredit(entity, "C-1", field("exposure", "10300.00"));
        assertEquals("7000.00 3500.00 200.00 10300.00", credit.getString("openAR") + " "
                + credit.getString("openOrders") + " " + credit.getString("unappliedCash") + " "
                + credit.getString("exposure"));
    }

    @Test
    void entityThatDoesNotNetUnappliedCashKeepsItOutOfExposure() {
        // Entity GROSS is configured with net-unapplied-cash=false; the customer is new to each run.
        String customer = "C-" + UUID.randomUUID().toString().substring(0, 8);
        issue("GROSS", customer, "INV-" + customer, "8000.00", "2025-07-31", null);
        event("ar.payments", "GROSS", customer, "PaymentReceived.v1",
                paymentReceived("GROSS", customer, "P-" + customer, "INV-" + customer, "1000.00", "200.00", "2025-06-20"));
        JsonPath credit = awaitCredit("GROSS", customer, field("openAR", "7000.00").and(field("unappliedCash", "200.00")));
        assertEquals("7000.00", credit.getString("exposure"));
    }

    @Test
    void cancelledOrderLeavesExposure() {
        String entity = newEntity();
        putOrder(entity, "C-1", "SO-1", "2500.00");
        putOrder(entity, "C-1", "SO-2", "1000.00");
        given().auth().oauth2(Tokens.withRoles("erp")).delete("/customers/" + entity + "/C-1/orders/SO-2")
                .then().statusCode(204);
        JsonPath credit = Credit.credit(entity, "C-1");
        assertEquals("2500.00 2500.00", credit.getString("openOrders") + " " + credit.getString("exposure"));
    }

    @Test
    void changedOrderReplacesItsEarlierValue() {
        String entity = newEntity();
        putOrder(entity, "C-1", "SO-1", "2500.00");
        putOrder(entity, "C-1", "SO-1", "3100.50");
        assertEquals("3100.50", Credit.credit(entity, "C-1").getString("exposure"));
    }

    @Test
    void orderTurnedIntoInvoicesMovesFromOrdersToARWithoutCountingTwice() {
        String entity = newEntity();
        putOrder(entity, "C-1", "SO-7", "5000.00");
        // A partial shipment first, then the rest.
        issue(entity, "C-1", "INV-7A", "3000.00", "2025-07-31", "SO-7");
        JsonPath partial = awaitCredit(entity, "C-1", field("openAR", "3000.00"));
        assertEquals("2000.00 5000.00", partial.getString("openOrders") + " " + partial.getString("exposure"));

        issue(entity, "C-1", "INV-7B", "2000.00", "2025-07-31", "SO-7");
        JsonPath invoiced = awaitCredit(entity, "C-1", field("openAR", "5000.00"));
        assertEquals("0.00 5000.00", invoiced.getString("openOrders") + " " + invoiced.getString("exposure"));
    }

    @Test
    void sameEventDeliveredTwiceCountsOnce() {
        String entity = newEntity();
        String invoiceEvent = UUID.randomUUID().toString();
        String invoice = Credit.invoiceIssued(entity, "C-1", "INV-1", "4000.00", "2025-07-31", null);
        event("ar.invoicing", entity, "C-1", invoiceEvent, "InvoiceIssued.v1", invoice);
        event("ar.invoicing", entity, "C-1", invoiceEvent, "InvoiceIssued.v1", invoice);
        String paymentEvent = UUID.randomUUID().toString();
        String payment = paymentReceived(entity, "C-1", "P-1", "INV-1", "1500.00", "0.00", "2025-06-20");
        event("ar.payments", entity, "C-1", paymentEvent, "PaymentReceived.v1", payment);
        event("ar.payments", entity, "C-1", paymentEvent, "PaymentReceived.v1", payment);
        // Later events of the same customer on each topic: once they show, the duplicates were handled.
        issue(entity, "C-1", "INV-2", "100.00", "2025-07-31", null);
        event("ar.payments", entity, "C-1", "PaymentReceived.v1",
                paymentReceived(entity, "C-1", "P-2", "INV-2", "40.00", "10.00", "2025-06-21"));

        JsonPath credit = awaitCredit(entity, "C-1", field("unappliedCash", "10.00").and(field("openAR", "2560.00")));
        // 4,000.00 + 100.00 - 1,500.00 - 40.00 = 2,560.00, less 10.00 unapplied
        assertEquals("2550.00", credit.getString("exposure"));
    }

    @Test
    void creditNoteAndCancellationReduceOpenAR() {
        String entity = newEntity();
        issue(entity, "C-1", "INV-1", "1000.00", "2025-07-31", null);
        issue(entity, "C-1", "INV-2", "600.00", "2025-07-31", null);
        event("ar.invoicing", entity, "C-1", "CreditNoteIssued.v1", """
                {"legalEntity":"%s","creditNoteNumber":"CN-1","customerId":"C-1","currency":"EUR","amount":"250.00",
                 "issueDate":"2025-06-10","invoiceNumber":"INV-1","reason":"Short weight"}""".formatted(entity));
        event("ar.invoicing", entity, "C-1", "InvoiceCancelled.v1", """
                {"legalEntity":"%s","invoiceNumber":"INV-2","customerId":"C-1","currency":"EUR","amount":"600.00",
                 "cancellationDate":"2025-06-11"}""".formatted(entity));
        awaitCredit(entity, "C-1", field("openAR", "750.00").and(field("exposure", "750.00")));
    }

    @Test
    void creditOfAnUnknownCustomerIsNotFound() {
        given().auth().oauth2(Tokens.withRoles("credit-manager")).get("/customers/" + newEntity() + "/C-1/credit")
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
    }
}
