package dev.steelyard.invoicing.events;

import static dev.steelyard.invoicing.invoice.InvoiceJson.newEntity;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import dev.steelyard.chassis.testing.EventContracts;
import dev.steelyard.chassis.testing.KafkaTestClient;
import dev.steelyard.chassis.testing.SteelyardTestResource;
import dev.steelyard.chassis.testing.Tokens;
import dev.steelyard.invoicing.invoice.InvoiceJson;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(SteelyardTestResource.class)
class InvoicingContractTest {

    private static final List<String> TYPES = List.of("InvoiceIssued.v1", "CreditNoteIssued.v1", "InvoiceCancelled.v1");

    @Test
    void examplesConformToTheirSchemas() {
        for (String type : TYPES) {
            assertEquals(Set.of(), EventContracts.violations(type, EventContracts.example(type)), type);
        }
    }

    @Test
    void schemasRefuseWhatTheyMust() {
        assertEquals(Set.of("$.amount: does not match the regex pattern ^-?[0-9]+(\\.[0-9]{1,3})?$"),
                EventContracts.violations("InvoiceIssued.v1",
                        EventContracts.example("InvoiceIssued.v1").replace("\"amount\":\"1904.00\"", "\"amount\":\"1,904.00\"")));
    }

    @Test
    void everyPublishedEventConformsToItsSchema() {
        String entity = newEntity();
        given().auth().oauth2(Tokens.withRoles("erp")).contentType(ContentType.JSON)
                .body(InvoiceJson.of(entity, "K-1", "C-1", "EUR", "2013-01-02", "\"paymentTerms\":\"2/10NET30\",",
                        InvoiceJson.line("Coil", "2.5", "t", "640.00", "19"), "1600.00", "304.00", "1904.00"))
                .post("/invoices").then().statusCode(201);
        given().auth().oauth2(Tokens.withRoles("erp")).contentType(ContentType.JSON)
                .body(InvoiceJson.simple(entity, "K-2", "C-1", "10.00")).post("/invoices").then().statusCode(201);
        given().auth().oauth2(Tokens.withRoles("erp")).contentType(ContentType.JSON)
                .body("{\"legalEntity\":\"" + entity + "\",\"creditNoteNumber\":\"CN-1\",\"customerId\":\"C-1\","
                        + "\"currency\":\"EUR\",\"amount\":\"4.00\",\"issueDate\":\"2013-01-03\","
                        + "\"invoiceNumber\":\"K-1\",\"reason\":\"Short weight\"}")
                .post("/credit-notes").then().statusCode(201);
        given().auth().oauth2(Tokens.withRoles("erp")).contentType(ContentType.JSON)
                .body("{\"cancellationDate\":\"2013-01-03\",\"reason\":\"Duplicate\"}")
                .post("/invoices/" + entity + "/K-2/cancellation").then().statusCode(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> ofEntity(entity).size() == 4);
        for (ConsumerRecord<String, byte[]> event : ofEntity(entity)) {
            String type = KafkaTestClient.header(event, "ce_type");
            assertEquals(Set.of(), EventContracts.violations(type, KafkaTestClient.value(event)), type);
        }
    }

    private static List<ConsumerRecord<String, byte[]>> ofEntity(String entity) {
        return KafkaTestClient.readAll("ar.invoicing").stream()
                .filter(r -> r.key() != null && r.key().startsWith(entity + "/")).toList();
    }
}
