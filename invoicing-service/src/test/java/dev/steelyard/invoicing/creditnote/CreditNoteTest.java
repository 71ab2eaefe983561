package dev.steelyard.invoicing.creditnote;

import static dev.steelyard.invoicing.invoice.InvoiceJson.newEntity;
import static dev.steelyard.invoicing.invoice.InvoiceJson.newNumber;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.steelyard.chassis.testing.KafkaTestClient;
import dev.steelyard.chassis.testing.SteelyardTestResource;
import dev.steelyard.chassis.testing.Tokens;
import dev.steelyard.invoicing.invoice.InvoiceJson;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@WithTestResource(SteelyardTestResource.class)
class CreditNoteTest {

    static ValidatableResponse credit(String entity, String number, String invoiceNumber, String amount) {
        String against = invoiceNumber == null ? "" : "\"invoiceNumber\":\"" + invoiceNumber + "\",";
        return given().auth().oauth2(Tokens.withRoles("erp")).contentType(ContentType.JSON)
                .body("""
                        {"legalEntity":"%s","creditNoteNumber":"%s","customerId":"C-1","currency":"USD",
                         "amount":"%s","issueDate":"2013-01-20",%s"reason":"Edge damage"}"""
                        .formatted(entity, number, amount, against))
                .post("/credit-notes").then();
    }

    static String issued(String entity, String amount) {
        String number = newNumber();
        given().auth().oauth2(Tokens.withRoles("erp")).contentType(ContentType.JSON)
                .body(InvoiceJson.simple(entity, number, "C-1", amount)).post("/invoices").then().statusCode(201);
        return number;
    }

    @Test
    void partialCreditNoteReducesTheOpenAmountOnceAndNeverSettles() {
        String entity = newEntity();
        String invoice = issued(entity, "1000.00");
        String note = "CN-" + newNumber();
        credit(entity, note, invoice, "250.00").statusCode(201)
                .body("invoiceOpenAmount", equalTo("750.00"), "invoiceStatus", equalTo("PARTLY_SETTLED"));
        credit(entity, note, invoice, "250.00").statusCode(200).body("invoiceOpenAmount", equalTo("750.00"));
        given().auth().oauth2(Tokens.withRoles("ops")).get("/invoices/" + entity + "/" + invoice).then()
                .body("openAmount", equalTo("750.00"), "creditedAmount", equalTo("250.00"),
                        "status", equalTo("PARTLY_SETTLED"));
        await().atMost(Duration.ofSeconds(10)).until(() -> KafkaTestClient.readAll("ar.invoicing", "CreditNoteIssued.v1")
                .stream().filter(r -> note.equals(KafkaTestClient.header(r, "ce_subject"))).count() == 1);
        assertEquals("{\"legalEntity\":\"" + entity + "\",\"creditNoteNumber\":\"" + note + "\",\"customerId\":\"C-1\","
                + "\"currency\":\"USD\",\"amount\":\"250.00\",\"issueDate\":\"2013-01-20\",\"invoiceNumber\":\""
                + invoice + "\",\"reason\":\"Edge damage\"}",
                KafkaTestClient.value(KafkaTestClient.readAll("ar.invoicing", "CreditNoteIssued.v1").stream()
                        .filter(r -> note.equals(KafkaTestClient.header(r, "ce_subject"))).findFirst().orElseThrow()));
    }

    @Test
    void fullCreditNoteSettlesTheInvoice() {
        String entity = newEntity();
        String invoice = issued(entity, "1000.00");
        credit(entity, "CN-" + newNumber(), invoice, "1000.00").statusCode(201)
                .body("invoiceOpenAmount", equalTo("0.00"), "invoiceStatus", equalTo("SETTLED"));
    }

    @Test
    void creditAboveTheOpenAmountIsRefused() {
        String entity = newEntity();
        String invoice = issued(entity, "100.00");
        credit(entity, "CN-" + newNumber(), invoice, "100.01").statusCode(400)
                .body("field", equalTo("amount"), "rule", equalTo("not-above-open-amount"),
                        "detail", equalTo("amount: credit of 100.01 exceeds the open amount 100.00 of invoice "
                                + invoice));
    }

    @Test
    void conflictingCreditNoteReplayIsRefused() {
        String entity = newEntity();
        String invoice = issued(entity, "100.00");
        String note = "CN-" + newNumber();
        credit(entity, note, invoice, "10.00").statusCode(201);
        credit(entity, note, invoice, "20.00").statusCode(409)
                .body("detail", equalTo("Credit note " + note + " was posted before with other content: "
                        + "amount was 10.00, now 20.00"));
    }

    @Test
    void unallocatedCreditNoteNamesNoInvoice() {
        String entity = newEntity();
        credit(entity, "CN-" + newNumber(), null, "75.00").statusCode(201)
                .body("amount", equalTo("75.00"), "invoiceNumber", equalTo(null));
    }

    @Test
    void creditNoteForAnUnknownInvoiceIsRefused() {
        credit(newEntity(), "CN-" + newNumber(), "NOPE", "5.00").statusCode(400)
                .body("field", equalTo("invoiceNumber"), "rule", equalTo("known-invoice"));
    }
}
