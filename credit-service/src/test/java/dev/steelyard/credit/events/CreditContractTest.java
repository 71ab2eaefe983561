package dev.steelyard.credit.events;

import static dev.steelyard.credit.Credit.newEntity;
import static dev.steelyard.credit.Credit.setLimit;
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
import dev.steelyard.credit.Credit;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(SteelyardTestResource.class)
class CreditContractTest {

    @Test
    void exampleConformsToItsSchema() {
        assertEquals(Set.of(), EventContracts.violations("CreditChanged.v1", EventContracts.example("CreditChanged.v1")));
    }

    @Test
    void schemaRefusesAnAmountWithGroupingAndAnUnknownCause() {
        assertEquals(Set.of("$.exposure: does not match the regex pattern ^-?[0-9]+(\\.[0-9]{1,3})?$",
                "$.holdReasons[0]: does not have a value in the enumeration [\"EXPOSURE_OVER_LIMIT\", \"PAST_DUE\", \"COLLECTIONS\", \"RISK_CLASS_E\", \"MANUAL\"]"),
                EventContracts.violations("CreditChanged.v1", EventContracts.example("CreditChanged.v1")
                        .replace("\"10500.00\"", "\"10,500.00\"").replace("\"EXPOSURE_OVER_LIMIT\"", "\"LATE\"")));
    }

    @Test
    void everyPublishedEventConformsAndNothingIsPublishedWithoutAChange() {
        String entity = newEntity();
        setLimit(entity, "C-1", "5000.00");
        setLimit(entity, "C-1", "5000.00");
        Credit.issue(entity, "C-1", "INV-1", "6000.00", "2025-07-31", null);
        Credit.awaitCredit(entity, "C-1", Credit.field("hold", true));
        await().atMost(Duration.ofSeconds(15)).until(() -> ofEntity(entity).size() == 2);
        for (ConsumerRecord<String, byte[]> event : ofEntity(entity)) {
            assertEquals(Set.of(), EventContracts.violations("CreditChanged.v1", KafkaTestClient.value(event)));
            assertEquals("/steelyard/credit-service", KafkaTestClient.header(event, "ce_source"));
        }
    }

    private static List<ConsumerRecord<String, byte[]>> ofEntity(String entity) {
        return KafkaTestClient.readAll("ar.credit").stream()
                .filter(r -> r.key() != null && r.key().startsWith(entity + "/")).toList();
    }
}
