package dev.steelyard.collections.promise;

import static dev.steelyard.collections.CollectionsFixtures.awaitOpenAmount;
import static dev.steelyard.collections.CollectionsFixtures.contact;
import static dev.steelyard.collections.CollectionsFixtures.invoiceIssued;
import static dev.steelyard.collections.CollectionsFixtures.newEntity;
import static dev.steelyard.collections.CollectionsFixtures.paymentReceived;
import static dev.steelyard.collections.CollectionsFixtures.published;
import static dev.steelyard.collections.CollectionsFixtures.run;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.steelyard.chassis.testing.SteelyardTestResource;
import dev.steelyard.chassis.testing.Tokens;
import dev.steelyard.collections.GreenMailResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@WithTestResource(SteelyardTestResource.class)
@WithTestResource(GreenMailResource.class)
class PromiseToPayTest {

    static String promise(String entity, String customer, String amount, String promisedDate) {
        return given().auth().oauth2(Tokens.withRoles("collector")).contentType(ContentType.JSON)
                .body("{\"legalEntity\":\"" + entity + "\",\"customerId\":\"" + customer + "\",\"amount\":\"" + amount
                        + "\",\"currency\":\"EUR\",\"promisedDate\":\"" + promisedDate + "\"}")
                .post("/promises").then().statusCode(201).body("pausedUntil", equalTo("2013-02-13"))
                .extract().path("promiseId");
    }

    @Test
    void promisePausesDunningUntilTheGracePeriodEndsThenBreaksAndEscalates() {
        String entity = newEntity();
        contact(entity, "C-1", "ap@" + entity + ".example", "en");
        invoiceIssued(entity, "C-1", "INV-1", "EUR", "1000.00", "2013-01-01", "2013-01-31");
        awaitOpenAmount(entity, "C-1", "INV-1", "1000.00");
        String promise = promise(entity, "C-1", "1000.00", "2013-02-10");

        assertEquals(List.of(), run(entity, "2013-02-05").getList("sent"));
        assertEquals(List.of(), run(entity, "2013-02-13").getList("sent"));
        JsonPath afterGrace = run(entity, "2013-02-14");

        assertEquals(List.of(1), afterGrace.getList("sent.level"));
        assertEquals(List.of(List.of("NOTIFY_COLLECTOR")), afterGrace.getList("sent.actions"));
        given().auth().oauth2(Tokens.withRoles("collector")).get("/promises?entity=" + entity + "&customer=C-1")
                .then().statusCode(200).body("[0].status", equalTo("BROKEN")).body("[0].closedOn", equalTo("2013-02-14"));
        await().atMost(Duration.ofSeconds(15)).until(() -> published(entity, "PromiseBroken.v1").size() == 1);
        String data = "{\"legalEntity\":\"" + entity + "\",\"customerId\":\"C-1\",\"promiseId\":\"" + promise
                + "\",\"amount\":\"1000.00\",\"currency\":\"EUR\",\"promisedDate\":\"2013-02-10\"}";
        assertEquals(List.of(data), published(entity, "PromiseBroken.v1"));
        assertEquals(List.of(data), published(entity, "PromiseToPayRecorded.v1"));
    }

    @Test
    void promiseKeptByPaymentIsNotBroken() {
        String entity = newEntity();
        contact(entity, "C-1", "ap@" + entity + ".example", "en");
        invoiceIssued(entity, "C-1", "INV-2", "EUR", "1000.00", "2013-01-01", "2013-01-31");
        awaitOpenAmount(entity, "C-1", "INV-2", "1000.00");
        promise(entity, "C-1", "1000.00", "2013-02-10");
        paymentReceived(entity, "C-1", "P-2", "INV-2", "EUR", "1000.00", "0.00", "2013-02-09");
        awaitOpenAmount(entity, "C-1", "INV-2", "0.00");

        assertEquals(List.of(), run(entity, "2013-02-14").getList("sent"));
        given().auth().oauth2(Tokens.withRoles("collector")).get("/promises?entity=" + entity)
                .then().statusCode(200).body("[0].status", equalTo("KEPT"));
    }

    @Test
    void promiseWithTooManyDecimalsIsRefusedNamingTheField() {
        given().auth().oauth2(Tokens.withRoles("collector")).contentType(ContentType.JSON)
                .body("{\"legalEntity\":\"X\",\"customerId\":\"C-1\",\"amount\":\"10.001\",\"currency\":\"EUR\","
                        + "\"promisedDate\":\"2013-02-10\"}")
                .post("/promises").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("amount"));
    }
}
