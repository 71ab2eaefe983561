package dev.steelyard.credit.hold;

import static dev.steelyard.credit.Credit.awaitCredit;
import static dev.steelyard.credit.Credit.event;
import static dev.steelyard.credit.Credit.field;
import static dev.steelyard.credit.Credit.issue;
import static dev.steelyard.credit.Credit.newEntity;
import static dev.steelyard.credit.Credit.paymentReceived;
import static dev.steelyard.credit.Credit.setLimit;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.steelyard.chassis.testing.KafkaTestClient;
import dev.steelyard.chassis.testing.SteelyardTestResource;
import dev.steelyard.credit.Credit;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@WithTestResource(SteelyardTestResource.class)
class HoldTest {

    @Test
    void exposureOverTheLimitHoldsCreditAndPaymentReleasesIt() {
        String entity = newEntity();
        setLimit(entity, "C-1", "5000.00");
        issue(entity, "C-1", "INV-1", "6000.00", "2025-07-31", null);
        JsonPath held = awaitCredit(entity, "C-1", field("hold", true));
        assertEquals(List.of("exposure 6,000.00 exceeds limit 5,000.00 by 1,000.00"), held.getList("reasons"));
        assertEquals(List.of("EXPOSURE_OVER_LIMIT"), held.getList("holdCauses"));

        event("ar.payments", entity, "C-1", "PaymentReceived.v1",
                paymentReceived(entity, "C-1", "P-1", "INV-1", "1500.00", "0.00", "2025-06-20"));
        JsonPath released = awaitCredit(entity, "C-1", field("hold", false));
        assertEquals("4500.00 []", released.getString("exposure") + " " + released.getList("reasons"));

        given().auth().oauth2(Credit.creditManager("erin")).get("/customers/" + entity + "/C-1/credit-history")
                .then().body("change", contains("LIMIT_SET", "AUTOMATIC_HOLD", "AUTOMATIC_RELEASE"),
                        "detail[1]", equalTo("exposure 6,000.00 exceeds limit 5,000.00 by 1,000.00"),
                        "detail[2]", equalTo("released: EXPOSURE_OVER_LIMIT no longer holds"),
                        "changedBy[2]", equalTo("credit-service"));

        // What ar.credit carried: the limit, the hold, its release.
        List<String> published = List.of(
                "5000.00|0.00|false|[]", "5000.00|6000.00|true|[\"EXPOSURE_OVER_LIMIT\"]", "5000.00|4500.00|false|[]");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15))
                .until(() -> creditChanged(entity).size() >= 3);
        assertEquals(published, creditChanged(entity).stream().map(json -> json.getString("limit") + "|"
                + json.getString("exposure") + "|" + json.getBoolean("hold") + "|"
                + json.getList("holdReasons").stream().map(r -> "\"" + r + "\"").toList().toString().replace(" ", ""))
                .toList());
    }

    @Test
    void collectionsHoldLastsUntilNoPastDueARIsLeft() {
        String entity = newEntity();
        issue(entity, "C-1", "INV-1", "900.00", "2025-05-31", null);
        // Collections acts on AR this service already knows; the topics are not ordered with each other.
        awaitCredit(entity, "C-1", field("openAR", "900.00"));
        event("ar.collections", entity, "C-1", "DunningStepTaken.v1", """
                {"legalEntity":"%s","customerId":"C-1","level":3,"channel":"EMAIL","actions":["EMAIL","CREDIT_HOLD"],
                 "invoices":[{"invoiceNumber":"INV-1","openAmount":"900.00"}],"asOf":"2025-06-30"}""".formatted(entity));
        JsonPath held = awaitCredit(entity, "C-1", field("hold", true));
        assertEquals(List.of("collections put credit on hold at dunning level 3 on 2025-06-30"), held.getList("reasons"));

        event("ar.payments", entity, "C-1", "PaymentReceived.v1",
                paymentReceived(entity, "C-1", "P-1", "INV-1", "900.00", "0.00", "2025-06-30"));
        JsonPath released = awaitCredit(entity, "C-1", field("hold", false));
        assertEquals("0.00", released.getString("openAR"));
    }

    @Test
    void collectionsHoldThatArrivesBeforeTheDunnedInvoicesWaitsForThem() {
        String entity = newEntity();
        setLimit(entity, "C-1", "5000.00");
        // The dunning step overtakes the invoice it is about: different topics are not ordered.
        event("ar.collections", entity, "C-1", "DunningStepTaken.v1", """
                {"legalEntity":"%s","customerId":"C-1","level":3,"channel":"EMAIL","actions":["EMAIL","CREDIT_HOLD"],
                 "invoices":[{"invoiceNumber":"INV-1","openAmount":"900.00"}],"asOf":"2025-06-30"}""".formatted(entity));
        JsonPath held = awaitCredit(entity, "C-1", field("hold", true));
        assertEquals(List.of("COLLECTIONS"), held.getList("holdCauses"));

        // INV-1 arrives 30 days past due (under the 60-day threshold): the collections hold is its only cause.
        issue(entity, "C-1", "INV-1", "900.00", "2025-05-31", null);
        JsonPath stillHeld = awaitCredit(entity, "C-1", field("openAR", "900.00"));
        assertEquals("true [collections put credit on hold at dunning level 3 on 2025-06-30]",
                stillHeld.getBoolean("hold") + " " + stillHeld.getList("reasons"));

        event("ar.payments", entity, "C-1", "PaymentReceived.v1",
                paymentReceived(entity, "C-1", "P-1", "INV-1", "900.00", "0.00", "2025-06-30"));
        JsonPath released = awaitCredit(entity, "C-1", field("hold", false));
        assertEquals("0.00 []", released.getString("openAR") + " " + released.getList("reasons"));
    }

    @Test
    void oldestInvoicePastTheThresholdHoldsCredit() {
        String entity = newEntity();
        // Due 2025-04-01: 90 days past due on 2025-06-30, the threshold is 60.
        issue(entity, "C-1", "INV-1", "700.00", "2025-04-01", null);
        JsonPath held = awaitCredit(entity, "C-1", field("hold", true));
        assertEquals(List.of("oldest past-due invoice is 90 days past due, more than 60"), held.getList("reasons"));
    }

    @Test
    void manualHoldAndReleaseAreKeptWithTheirReasons() {
        String entity = newEntity();
        setLimit(entity, "C-1", "5000.00");
        given().auth().oauth2(Credit.creditManager("erin")).contentType(ContentType.JSON)
                .body(Map.of("reason", "Insolvency rumours")).post("/customers/" + entity + "/C-1/hold")
                .then().statusCode(200).body("hold", equalTo(true), "holdCauses", contains("MANUAL"),
                        "reasons", contains("held by a credit manager: Insolvency rumours"));
        given().auth().oauth2(Credit.creditManager("frank")).contentType(ContentType.JSON)
                .body(Map.of("reason", "Parent company guarantee received"))
                .post("/customers/" + entity + "/C-1/hold/release")
                .then().statusCode(200).body("hold", equalTo(false), "reasons", empty());
        given().auth().oauth2(Credit.creditManager("erin")).get("/customers/" + entity + "/C-1/credit-history")
                .then().body("change", contains("LIMIT_SET", "HOLD", "RELEASE"),
                        "changedBy[1]", equalTo("erin"), "changedBy[2]", equalTo("frank"),
                        "reason[2]", equalTo("Parent company guarantee received"));
    }

    @Test
    void releaseWithoutReasonIsRefusedNamingTheReason() {
        String entity = newEntity();
        setLimit(entity, "C-1", "5000.00");
        given().auth().oauth2(Credit.creditManager("erin")).contentType(ContentType.JSON).body("{}")
                .post("/customers/" + entity + "/C-1/hold/release")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("reason"));
    }

    private static List<JsonPath> creditChanged(String entity) {
        return KafkaTestClient.readAll("ar.credit", "CreditChanged.v1").stream()
                .filter(r -> r.key().equals(entity + "/C-1")).map(r -> new JsonPath(KafkaTestClient.value(r))).toList();
    }
}
