package dev.steelyard.collections.events;

import static dev.steelyard.collections.CollectionsFixtures.awaitOpenAmount;
import static dev.steelyard.collections.CollectionsFixtures.invoiceIssued;
import static dev.steelyard.collections.CollectionsFixtures.newEntity;
import static dev.steelyard.collections.CollectionsFixtures.publishedRecords;
import static dev.steelyard.collections.CollectionsFixtures.run;
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
import dev.steelyard.collections.GreenMailResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(SteelyardTestResource.class)
@WithTestResource(GreenMailResource.class)
class CollectionsContractTest {

    private static final List<String> TYPES = List.of("DunningStepTaken.v1", "DisputeOpened.v1", "DisputeResolved.v1",
            "PromiseToPayRecorded.v1", "PromiseBroken.v1");

    @Test
    void examplesConformToTheirSchemas() {
        for (String type : TYPES) {
            assertEquals(Set.of(), EventContracts.violations(type, EventContracts.example(type)), type);
        }
    }

    @Test
    void schemasRefuseAmountsThatAreNotDecimalStrings() {
        assertEquals(Set.of("$.amount: does not match the regex pattern ^[0-9]+(\\.[0-9]{1,3})?$"),
                EventContracts.violations("PromiseBroken.v1", EventContracts.example("PromiseBroken.v1")
                        .replace("\"amount\":\"1000.00\"", "\"amount\":\"1,000.00\"")));
    }

    @Test
    void everyPublishedEventConformsToItsSchema() {
        String entity = newEntity();
        invoiceIssued(entity, "C-1", "INV-1", "EUR", "1000.00", "2012-12-02", "2013-01-01");
        awaitOpenAmount(entity, "C-1", "INV-1", "1000.00");
        String dispute = given().auth().oauth2(Tokens.withRoles("collector")).contentType(ContentType.JSON)
                .body("{\"legalEntity\":\"" + entity + "\",\"invoiceNumber\":\"INV-1\",\"amount\":\"100.00\","
                        + "\"reason\":\"DUPLICATE_BILLING\",\"openedOn\":\"2013-01-05\"}")
                .post("/disputes").then().statusCode(201).extract().path("disputeId");
        given().auth().oauth2(Tokens.withRoles("collector")).contentType(ContentType.JSON)
                .body("{\"resolution\":\"PARTLY\",\"resolvedOn\":\"2013-01-10\"}")
                .post("/disputes/" + dispute + "/resolution").then().statusCode(200);
        given().auth().oauth2(Tokens.withRoles("collector")).contentType(ContentType.JSON)
                .body("{\"legalEntity\":\"" + entity + "\",\"customerId\":\"C-1\",\"amount\":\"1000.00\","
                        + "\"currency\":\"EUR\",\"promisedDate\":\"2013-01-15\"}")
                .post("/promises").then().statusCode(201);
        run(entity, "2013-01-31");

        await().atMost(Duration.ofSeconds(15)).until(() -> publishedRecords(entity).size() == 5);
        for (ConsumerRecord<String, byte[]> event : publishedRecords(entity)) {
            String type = KafkaTestClient.header(event, "ce_type");
            assertEquals(Set.of(), EventContracts.violations(type, KafkaTestClient.value(event)), type);
            assertEquals(entity + "/C-1", event.key());
        }
    }
}
