package dev.steelyard.invoicing.invoice;

import static dev.steelyard.invoicing.invoice.InvoiceJson.line;
import static dev.steelyard.invoicing.invoice.InvoiceJson.newEntity;
import static dev.steelyard.invoicing.invoice.InvoiceJson.newNumber;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;

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
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@WithTestResource(SteelyardTestResource.class)
class InvoiceIssuingTest {

    static ValidatableResponse post(String body) {
        return given().auth().oauth2(Tokens.withRoles("erp")).contentType(ContentType.JSON).body(body)
                .post("/invoices").then();
    }

    static List<ConsumerRecord<String, byte[]>> eventsAbout(String type, String subject) {
        return KafkaTestClient.readAll("ar.invoicing", type).stream()
                .filter(r -> subject.equals(KafkaTestClient.header(r, "ce_subject"))).toList();
    }

    static long unsentOutboxRows() {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("sentAt is null"));
    }

    @Test
    void issuedInvoiceIsPublishedExactlyOnceWithItsEventId() {
        String entity = newEntity();
        String number = newNumber();
        post(InvoiceJson.simple(entity, number, "0379-NEVHP", "55.94"))
                .statusCode(201)
                .header("Location", endsWith("/invoices/" + entity + "/" + number))
                .body("grossAmount", equalTo("55.94"), "openAmount", equalTo("55.94"), "status", equalTo("OPEN"),
                        "dueDate", equalTo("2013-02-01"));

        await().atMost(Duration.ofSeconds(10)).until(() -> eventsAbout("InvoiceIssued.v1", number).size() == 1);
        post(InvoiceJson.simple(entity, number, "0379-NEVHP", "55.940"))
                .statusCode(200).body("grossAmount", equalTo("55.94"));
        await().atMost(Duration.ofSeconds(10)).until(() -> unsentOutboxRows() == 0);

        List<ConsumerRecord<String, byte[]>> events = eventsAbout("InvoiceIssued.v1", number);
        assertEquals(1, events.size());
        ConsumerRecord<String, byte[]> event = events.get(0);
        String recordedId = QuarkusTransaction.requiringNew().call(() -> OutboxEvent
                .<OutboxEvent>find("subject", number).singleResult().id.toString());
        assertEquals(recordedId, KafkaTestClient.header(event, "ce_id"));
        assertEquals("1.0", KafkaTestClient.header(event, "ce_specversion"));
        assertEquals("/steelyard/invoicing-service", KafkaTestClient.header(event, "ce_source"));
        assertEquals(entity + "/0379-NEVHP", event.key());
        assertEquals("{\"legalEntity\":\"" + entity + "\",\"invoiceNumber\":\"" + number + "\","
                + "\"customerId\":\"0379-NEVHP\",\"customerName\":\"Ruhr Fabrication GmbH\",\"customerCountry\":\"DE\","
                + "\"currency\":\"USD\",\"netAmount\":\"55.94\",\"taxAmount\":\"0.00\",\"amount\":\"55.94\","
                + "\"issueDate\":\"2013-01-02\",\"dueDate\":\"2013-02-01\","
                + "\"terms\":{\"code\":\"NET30\",\"type\":\"NET\",\"netDays\":30},"
                + "\"orderReference\":\"SO-88121\",\"purchaseOrder\":\"PO-4471\",\"deliveryNote\":\"DN-99120\"}",
                KafkaTestClient.value(event));
    }

    @Test
    void invoiceIsAcceptedWhileTheBrokerIsDownAndPublishedWhenItReturns() {
        String number = newNumber();
        TestInfrastructure.get().stopKafka();
        try {
            post(InvoiceJson.simple(newEntity(), number, "C-1", "1200.00")).statusCode(201);
            assertEquals(1, unsentOutboxRows());
        } finally {
            TestInfrastructure.get().startKafka();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> unsentOutboxRows() == 0);
        assertEquals(1, eventsAbout("InvoiceIssued.v1", number).size());
    }

    @Test
    void linesAreTaxedPerLineAndTotalsMustAgree() {
        String entity = newEntity();
        String lines = line("Hot-rolled coil", "2.5", "t", "640.00", "19") + ","
                + line("Freight", "1", "trip", "85.50", "7");
        post(InvoiceJson.of(entity, newNumber(), "C-1", "EUR", "2013-01-02", "\"paymentTerms\":\"NET60\",", lines,
                "1685.50", "309.99", "1995.49"))
                .statusCode(201)
                .body("lines[0].netAmount", equalTo("1600.00"), "lines[0].taxAmount", equalTo("304.00"),
                        "lines[1].netAmount", equalTo("85.50"), "lines[1].taxAmount", equalTo("5.99"),
                        "dueDate", equalTo("2013-03-03"));
    }

    @Test
    void totalsThatDisagreeWithTheLinesAreRefusedWithTheDifference() {
        String lines = line("Hot-rolled coil", "2.5", "t", "640.00", "19");
        post(InvoiceJson.of(newEntity(), newNumber(), "C-1", "EUR", "2013-01-02", "\"paymentTerms\":\"NET30\",", lines,
                "1600.00", "304.01", "1904.01"))
                .statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("taxAmount"), "rule", equalTo("sum-of-lines"),
                        "detail", equalTo("taxAmount: taxAmount 304.01 differs from the lines' tax 304.00 by 0.01"));
    }

    @Test
    void yenInvoiceHasNoDecimals() {
        String lines = line("Cold-rolled sheet", "3", "t", "98000", "10");
        post(InvoiceJson.of(newEntity(), newNumber(), "C-JP", "JPY", "2013-01-02", "\"paymentTerms\":\"NET30\",",
                lines, "294000", "29400", "323400"))
                .statusCode(201).body("grossAmount", equalTo("323400"), "openAmount", equalTo("323400"));
    }

    @Test
    void kuwaitiDinarInvoiceHasThreeDecimals() {
        String lines = line("Rebar", "1.5", "t", "180.125", "0");
        post(InvoiceJson.of(newEntity(), newNumber(), "C-KW", "KWD", "2013-01-02", "\"paymentTerms\":\"NET30\",",
                lines, "270.188", "0.000", "270.188"))
                .statusCode(201).body("grossAmount", equalTo("270.188"), "lines[0].netAmount", equalTo("270.188"));
    }

    @Test
    void discountTermsPublishTheDiscountDateAndDiscountedAmount() {
        String entity = newEntity();
        String number = newNumber();
        String lines = line("Hot-rolled coil", "2.5", "t", "640.00", "19");
        post(InvoiceJson.of(entity, number, "C-1", "EUR", "2013-01-02", "\"paymentTerms\":\"2/10NET30\",", lines,
                "1600.00", "304.00", "1904.00"))
                .statusCode(201)
                .body("dueDate", equalTo("2013-02-01"), "terms.discountDate", equalTo("2013-01-12"),
                        "terms.discountedAmount", equalTo("1865.92"));
        await().atMost(Duration.ofSeconds(10)).until(() -> eventsAbout("InvoiceIssued.v1", number).size() == 1);
        assertEquals("{\"legalEntity\":\"" + entity + "\",\"invoiceNumber\":\"" + number + "\","
                + "\"customerId\":\"C-1\",\"customerName\":\"Ruhr Fabrication GmbH\",\"customerCountry\":\"DE\","
                + "\"currency\":\"EUR\",\"netAmount\":\"1600.00\",\"taxAmount\":\"304.00\",\"amount\":\"1904.00\","
                + "\"issueDate\":\"2013-01-02\",\"dueDate\":\"2013-02-01\","
                + "\"terms\":{\"code\":\"2/10NET30\",\"type\":\"DISCOUNT\",\"netDays\":30,\"discountPercent\":\"2\","
                + "\"discountDays\":10,\"discountDate\":\"2013-01-12\",\"discountedAmount\":\"1865.92\"},"
                + "\"orderReference\":\"SO-88121\",\"purchaseOrder\":\"PO-4471\",\"deliveryNote\":\"DN-99120\"}",
                KafkaTestClient.value(eventsAbout("InvoiceIssued.v1", number).get(0)));
    }

    @Test
    void endOfMonthTermsCountFromTheLastDayOfTheIssueMonth() {
        post(InvoiceJson.of(newEntity(), newNumber(), "C-1", "USD", "2013-01-17", "\"paymentTerms\":\"EOM30\",",
                line("Wire rod", "1", "t", "500.00", "0"), "500.00", "0.00", "500.00"))
                .statusCode(201).body("dueDate", equalTo("2013-03-02"));
    }

    @Test
    void dueOnReceiptIsDueOnTheIssueDate() {
        post(InvoiceJson.of(newEntity(), newNumber(), "C-1", "USD", "2013-01-17",
                "\"paymentTerms\":\"DUE_ON_RECEIPT\",", line("Scrap", "1", "t", "90.00", "0"), "90.00", "0.00", "90.00"))
                .statusCode(201).body("dueDate", equalTo("2013-01-17"));
    }

    @Test
    void explicitDueDateMustNotContradictTheTerms() {
        post(InvoiceJson.of(newEntity(), newNumber(), "C-1", "USD", "2013-01-02",
                "\"paymentTerms\":\"NET30\",\"dueDate\":\"2013-02-15\",", line("Coil", "1", "t", "10.00", "0"),
                "10.00", "0.00", "10.00"))
                .statusCode(400)
                .body("field", equalTo("dueDate"), "rule", equalTo("agrees-with-terms"),
                        "detail", equalTo("dueDate: due date 2013-02-15 contradicts terms NET30, which give 2013-02-01"));
    }

    @Test
    void explicitDueDateWithoutTermsIsTaken() {
        post(InvoiceJson.of(newEntity(), newNumber(), "C-1", "USD", "2013-01-02", "\"dueDate\":\"2013-04-30\",",
                line("Coil", "1", "t", "10.00", "0"), "10.00", "0.00", "10.00"))
                .statusCode(201).body("dueDate", equalTo("2013-04-30"));
    }

    @Test
    void customersDefaultTermsApplyWhenTheInvoiceNamesNone() {
        String entity = newEntity();
        String body = InvoiceJson.of(entity, newNumber(), "C-DEF", "USD", "2013-01-02", "",
                line("Coil", "1", "t", "10.00", "0"), "10.00", "0.00", "10.00");
        post(body).statusCode(400).body("field", equalTo("paymentTerms"), "rule", equalTo("required"));
        given().auth().oauth2(Tokens.withRoles("erp")).contentType(ContentType.JSON).body("{\"code\":\"NET60\"}")
                .put("/customers/" + entity + "/C-DEF/payment-terms").then().statusCode(200);
        post(body).statusCode(201).body("dueDate", equalTo("2013-03-03"), "terms.code", equalTo("NET60"));
    }

    @Test
    void entityCatalogueDefinesItsOwnTerms() {
        String entity = newEntity();
        given().auth().oauth2(Tokens.withRoles("erp")).contentType(ContentType.JSON)
                .body("{\"type\":\"DISCOUNT\",\"netDays\":45,\"discountPercent\":\"1.5\",\"discountDays\":14,"
                        + "\"description\":\"1.5% 14 days, net 45\"}")
                .put("/payment-terms/" + entity + "/1.5/14NET45").then().statusCode(200);
        post(InvoiceJson.of(entity, newNumber(), "C-1", "USD", "2013-01-02", "\"paymentTerms\":\"1.5/14NET45\",",
                line("Coil", "1", "t", "1000.00", "0"), "1000.00", "0.00", "1000.00"))
                .statusCode(201)
                .body("dueDate", equalTo("2013-02-16"), "terms.discountDate", equalTo("2013-01-16"),
                        "terms.discountedAmount", equalTo("985.00"));
        given().auth().oauth2(Tokens.withRoles("ops")).get("/payment-terms/" + entity)
                .then().statusCode(200).body("code", equalTo(List.of("1.5/14NET45", "2/10NET30", "DUE_ON_RECEIPT",
                        "EOM30", "NET30", "NET60", "NET90")));
    }

    @Test
    void conflictingReplayIsRefusedAndNamesEveryDifference() {
        String entity = newEntity();
        String number = newNumber();
        post(InvoiceJson.simple(entity, number, "C-1", "100.00")).statusCode(201);
        post(InvoiceJson.simple(entity, number, "C-2", "100.01"))
                .statusCode(409)
                .contentType("application/problem+json")
                .body("field", equalTo("customer.id"),
                        "detail", equalTo("Invoice " + number + " of " + entity + " was posted before with other "
                                + "content: customer.id was C-1, now C-2; netAmount was 100.00, now 100.01; "
                                + "grossAmount was 100.00, now 100.01; lines[0].unitPrice was 100, now 100.01"));
    }

    @Test
    void idempotencyKeyReturnsTheOriginalAndRefusesOtherContent() {
        String entity = newEntity();
        String first = newNumber();
        given().auth().oauth2(Tokens.withRoles("erp")).contentType(ContentType.JSON).header("Idempotency-Key", first)
                .body(InvoiceJson.simple(entity, first, "C-1", "10.00")).post("/invoices").then().statusCode(201);
        given().auth().oauth2(Tokens.withRoles("erp")).contentType(ContentType.JSON).header("Idempotency-Key", first)
                .body(InvoiceJson.simple(entity, first, "C-1", "10.00")).post("/invoices").then().statusCode(200)
                .body("invoiceNumber", equalTo(first));
        String second = newNumber();
        given().auth().oauth2(Tokens.withRoles("erp")).contentType(ContentType.JSON).header("Idempotency-Key", first)
                .body(InvoiceJson.simple(entity, second, "C-1", "10.00")).post("/invoices").then().statusCode(409)
                .body("detail", equalTo("Idempotency-Key " + first + " was posted before with other content: "
                        + "invoiceNumber was " + first + ", now " + second));
    }

    @Test
    void concurrentPostsOfANewCustomerAndOfOneInvoiceAllSucceed() throws Exception {
        String entity = newEntity();
        String shared = newNumber();
        java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String number = i < 4 ? newNumber() : shared;
                answers.add(clients.submit(() -> post(InvoiceJson.simple(entity, number, "NEW-CUSTOMER", "10.00"))
                        .extract().statusCode()));
            }
            List<Integer> statuses = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            java.util.Collections.sort(statuses);
            assertEquals(List.of(200, 200, 200, 201, 201, 201, 201, 201), statuses);
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void invoiceOfAnotherEntityIsInvisible() {
        String entity = newEntity();
        String number = newNumber();
        post(InvoiceJson.simple(entity, number, "C-1", "10.00")).statusCode(201);
        given().auth().oauth2(Tokens.limitedTo(List.of("406"), "ops")).get("/invoices/" + entity + "/" + number)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.limitedTo(List.of(entity), "ops")).get("/invoices/" + entity + "/" + number)
                .then().statusCode(200).body("grossAmount", equalTo("10.00"));
        given().auth().oauth2(Tokens.limitedTo(List.of("406"), "erp")).contentType(ContentType.JSON)
                .body(InvoiceJson.simple(entity, newNumber(), "C-1", "10.00")).post("/invoices")
                .then().statusCode(404);
        given().auth().oauth2(Tokens.limitedTo(List.of("406"), "ops")).queryParam("legalEntity", entity)
                .get("/invoices").then().statusCode(404).contentType("application/problem+json");
    }
}
