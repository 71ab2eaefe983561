package dev.steelyard.payments.allocation;

import static dev.steelyard.payments.Payments.PATIENCE;
import static dev.steelyard.payments.Payments.allocation;
import static dev.steelyard.payments.Payments.events;
import static dev.steelyard.payments.Payments.json;
import static dev.steelyard.payments.Payments.openAmount;
import static dev.steelyard.payments.Payments.postPayment;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.steelyard.chassis.testing.SteelyardTestResource;
import dev.steelyard.payments.Payments;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(SteelyardTestResource.class)
class CashApplicationTest {

    private static final String NET_30_2_10 = """
            {"code":"2/10 NET 30","type":"NET","netDays":30,"discountPercent":"2","discountDays":10}""";

    static String tx() {
        return "TX-" + UUID.randomUUID();
    }

    static JsonNode received(String entity, String customer) {
        List<JsonNode> events = events(entity, customer, "PaymentReceived.v1");
        assertEquals(1, events.size());
        return events.get(0);
    }

    @Test
    void remittanceReferenceMatchesDespitePrefixLeadingZerosAndSpacing() {
        String entity = Payments.newEntity();
        String customer = Payments.newCustomer();
        Payments.invoiceIssued(entity, customer, "0000611365", "USD", "55.94", "2013-01-02", "2013-02-01");
        Payments.invoiceIssued(entity, customer, "0000611366", "USD", "10.00", "2013-01-01", "2013-01-20");
        postPayment(entity, customer, "55.94", "USD", "2013-01-15", tx(), "INV # 611 365").statusCode(201)
                .body("unappliedAmount", equalTo("0.00"));
        assertEquals("0.00", openAmount(entity, "0000611365"));
        assertEquals("10.00", openAmount(entity, "0000611366"));
    }

    @Test
    void singleOpenInvoiceOfExactlyThatAmountIsMatchedWithoutReference() {
        String entity = "LEAVE";
        String customer = Payments.newCustomer();
        Payments.invoiceIssued(entity, customer, customer + "-1", "USD", "70.00", "2013-01-01", "2013-01-31");
        Payments.invoiceIssued(entity, customer, customer + "-2", "USD", "45.10", "2013-01-05", "2013-02-04");
        postPayment(entity, customer, "45.10", "USD", "2013-01-20", tx()).statusCode(201);
        assertEquals("70.00", openAmount(entity, customer + "-1"));
        assertEquals("0.00", openAmount(entity, customer + "-2"));
    }

    @Test
    void oldestDueFirstRuleSettlesTheEarliestDueInvoicesAndLeavesTheRestPartlyOpen() {
        String entity = Payments.newEntity();
        String customer = Payments.newCustomer();
        Payments.invoiceIssued(entity, customer, "LATE", "USD", "100.00", "2013-01-01", "2013-03-01");
        Payments.invoiceIssued(entity, customer, "EARLY", "USD", "30.00", "2013-01-10", "2013-02-01");
        postPayment(entity, customer, "80.00", "USD", "2013-01-20", tx()).statusCode(201);
        assertEquals("0.00", openAmount(entity, "EARLY"));
        assertEquals("50.00", openAmount(entity, "LATE"));
        assertEquals(json("[" + allocation("EARLY", "30.00", "0.00", "0.00", "2013-01-20") + ","
                + allocation("LATE", "50.00", "0.00", "0.00", "2013-01-20") + "]"),
                received(entity, customer).get("allocations"));
    }

    @Test
    void entityThatLeavesCashUnappliedKeepsUnmatchedCash() {
        String entity = "LEAVE";
        String customer = Payments.newCustomer();
        Payments.invoiceIssued(entity, customer, customer + "-1", "USD", "100.00", "2013-01-01", "2013-01-31");
        postPayment(entity, customer, "60.00", "USD", "2013-01-20", tx()).statusCode(201)
                .body("unappliedAmount", equalTo("60.00"));
        assertEquals("100.00", openAmount(entity, customer + "-1"));
        assertEquals("60.00", received(entity, customer).get("unappliedAmount").asText());
    }

    @Test
    void partialPaymentLeavesTheRestOpen() {
        String entity = Payments.newEntity();
        String customer = Payments.newCustomer();
        Payments.invoiceIssued(entity, customer, "P-1", "USD", "1000.00", "2013-01-01", "2013-01-31");
        postPayment(entity, customer, "400.00", "USD", "2013-01-20", tx(), "P-1").statusCode(201);
        assertEquals("600.00", openAmount(entity, "P-1"));
        assertEquals(json("[" + allocation("P-1", "400.00", "0.00", "0.00", "2013-01-20") + "]"),
                received(entity, customer).get("allocations"));
    }

    @Test
    void overpaymentBecomesUnappliedCashAndIsAppliedToTheCustomersNextInvoice() {
        String entity = Payments.newEntity();
        String customer = Payments.newCustomer();
        Payments.invoiceIssued(entity, customer, "O-1", "USD", "100.00", "2013-01-01", "2013-01-31");
        String paymentId = postPayment(entity, customer, "150.00", "USD", "2013-01-20", tx(), "O-1").statusCode(201)
                .extract().path("paymentId");
        assertEquals("50.00", received(entity, customer).get("unappliedAmount").asText());

        Payments.invoiceIssued(entity, customer, "O-2", "USD", "30.00", "2013-02-05", "2013-03-07");
        await().atMost(PATIENCE).until(() -> openAmount(entity, "O-2").equals("0.00"));
        List<JsonNode> later = events(entity, customer, "UnappliedCashApplied.v1");
        assertEquals(1, later.size());
        assertEquals(paymentId, later.get(0).get("paymentId").asText());
        // Applied no earlier than the invoice exists: its issue date, not the payment's value date.
        assertEquals(json("[" + allocation("O-2", "30.00", "0.00", "0.00", "2013-02-05") + "]"),
                later.get(0).get("allocations"));
        assertEquals("20.00", later.get(0).get("unappliedAmount").asText());
    }

    @Test
    void discountTakenInTimeSettlesTheInvoiceInFull() {
        String entity = Payments.newEntity();
        String customer = Payments.newCustomer();
        Payments.invoiceIssuedWith(entity, customer, "D-1", "USD", "1000.00", "2013-01-01", "2013-01-31", NET_30_2_10);
        postPayment(entity, customer, "980.00", "USD", "2013-01-11", tx(), "D-1").statusCode(201);
        assertEquals("0.00", openAmount(entity, "D-1"));
        assertEquals(json("[" + allocation("D-1", "980.00", "20.00", "0.00", "2013-01-11") + "]"),
                received(entity, customer).get("allocations"));
    }

    @Test
    void discountTakenTooLateLeavesTheDifferenceOpen() {
        String entity = Payments.newEntity();
        String customer = Payments.newCustomer();
        Payments.invoiceIssuedWith(entity, customer, "D-2", "USD", "1000.00", "2013-01-01", "2013-01-31", NET_30_2_10);
        postPayment(entity, customer, "980.00", "USD", "2013-01-12", tx(), "D-2").statusCode(201);
        assertEquals("20.00", openAmount(entity, "D-2"));
        assertEquals(json("[" + allocation("D-2", "980.00", "0.00", "0.00", "2013-01-12") + "]"),
                received(entity, customer).get("allocations"));
    }

    @Test
    void explicitDiscountDateAndAmountFromTheTermsAreHonoured() {
        String entity = Payments.newEntity();
        String customer = Payments.newCustomer();
        Payments.invoiceIssuedWith(entity, customer, "D-3", "EUR", "500.00", "2013-01-01", "2013-01-31",
                "{\"discountDate\":\"2013-01-08\",\"discountedAmount\":\"487.50\"}");
        postPayment(entity, customer, "487.50", "EUR", "2013-01-08", tx(), "D-3").statusCode(201);
        assertEquals(json("[" + allocation("D-3", "487.50", "12.50", "0.00", "2013-01-08") + "]"),
                received(entity, customer).get("allocations"));
    }

    @Test
    void shortPaymentWithinToleranceIsWrittenOff() {
        String entity = Payments.newEntity();
        String customer = Payments.newCustomer();
        Payments.invoiceIssued(entity, customer, "W-1", "USD", "250.00", "2013-01-01", "2013-01-31");
        postPayment(entity, customer, "249.96", "USD", "2013-01-20", tx(), "W-1").statusCode(201);
        assertEquals("0.00", openAmount(entity, "W-1"));
        assertEquals(json("[" + allocation("W-1", "249.96", "0.00", "0.04", "2013-01-20") + "]"),
                received(entity, customer).get("allocations"));
    }

    @Test
    void shortPaymentBeyondToleranceStaysOpen() {
        String entity = Payments.newEntity();
        String customer = Payments.newCustomer();
        Payments.invoiceIssued(entity, customer, "W-2", "USD", "250.00", "2013-01-01", "2013-01-31");
        postPayment(entity, customer, "249.94", "USD", "2013-01-20", tx(), "W-2").statusCode(201);
        assertEquals("0.06", openAmount(entity, "W-2"));
    }

    @Test
    void paymentThatArrivesBeforeItsInvoiceIsAppliedWhenTheInvoiceArrives() {
        String entity = Payments.newEntity();
        String customer = Payments.newCustomer();
        Payments.invoiceIssued(entity, customer, "OTHER", "USD", "75.00", "2013-01-01", "2013-01-10");
        String paymentId = postPayment(entity, customer, "75.00", "USD", "2013-01-20", tx(), "FUTURE-9")
                .statusCode(201).body("unappliedAmount", equalTo("75.00")).extract().path("paymentId");
        // The customer named another invoice: the cash waits for it instead of going to the older one.
        assertEquals("75.00", openAmount(entity, "OTHER"));

        Payments.invoiceIssued(entity, customer, "FUTURE-9", "USD", "75.00", "2013-01-18", "2013-02-17");
        await().atMost(PATIENCE).until(() -> openAmount(entity, "FUTURE-9").equals("0.00"));
        JsonNode applied = events(entity, customer, "UnappliedCashApplied.v1").get(0);
        assertEquals(paymentId, applied.get("paymentId").asText());
        assertEquals(json("[" + allocation("FUTURE-9", "75.00", "0.00", "0.00", "2013-01-20") + "]"),
                applied.get("allocations"));
        assertEquals("0.00", applied.get("unappliedAmount").asText());
        assertEquals("75.00", openAmount(entity, "OTHER"));
    }

    @Test
    void entityThatLeavesCashUnappliedDoesNotFeedNewInvoicesFromIt() {
        String entity = "LEAVE";
        String customer = Payments.newCustomer();
        postPayment(entity, customer, "30.00", "USD", "2013-01-20", tx()).statusCode(201)
                .body("unappliedAmount", equalTo("30.00"));
        Payments.invoiceIssued(entity, customer, customer + "-N", "USD", "30.00", "2013-01-25", "2013-02-24");
        // A later invoice of the same customer in the same partition shows the first was fully processed.
        Payments.invoiceIssued(entity, customer, customer + "-M", "USD", "1.00", "2013-01-26", "2013-02-25");
        assertEquals("30.00", openAmount(entity, customer + "-N"));
        assertEquals(List.of(), events(entity, customer, "UnappliedCashApplied.v1"));
    }
}
