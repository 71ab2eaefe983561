package dev.steelyard.credit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import dev.steelyard.chassis.testing.KafkaTestClient;
import dev.steelyard.chassis.testing.TestInfrastructure;
import dev.steelyard.chassis.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** What the credit tests do over and over: feed events, call the API as a role, read credit. */
public final class Credit {

    private Credit() {
    }

    public static String newEntity() {
        return "E" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A credit manager's token with its own subject, for four-eyes. */
    public static String creditManager(String subject) {
        return TestInfrastructure.get().jwt().token(subject, List.of("credit-manager"), Duration.ofHours(1));
    }

    public static String event(String topic, String entity, String customer, String type, String json) {
        return event(topic, entity, customer, UUID.randomUUID().toString(), type, json);
    }

    public static String event(String topic, String entity, String customer, String eventId, String type, String json) {
        KafkaTestClient.send(KafkaTestClient.cloudEvent(topic, entity + "/" + customer, eventId, type, json));
        return eventId;
    }

    public static String invoiceIssued(String entity, String customer, String number, String amount, String dueDate,
            String orderReference) {
        return """
                {"legalEntity":"%s","invoiceNumber":"%s","customerId":"%s","currency":"EUR","amount":"%s",
                 "issueDate":"2025-04-01","dueDate":"%s"%s}""".formatted(entity, number, customer, amount, dueDate,
                orderReference == null ? "" : ",\"orderReference\":\"" + orderReference + "\"");
    }

    public static String paymentReceived(String entity, String customer, String paymentId, String invoice,
            String allocated, String unapplied, String valueDate) {
        return """
                {"legalEntity":"%s","paymentId":"%s","customerId":"%s","currency":"EUR","amount":"%s",
                 "valueDate":"%s","allocations":[{"invoiceNumber":"%s","amount":"%s","discount":"0.00",
                 "writeOff":"0.00","valueDate":"%s"}],"unappliedAmount":"%s"}""".formatted(entity, paymentId, customer,
                new java.math.BigDecimal(allocated).add(new java.math.BigDecimal(unapplied)).toPlainString(), valueDate,
                invoice, allocated, valueDate, unapplied);
    }

    public static void issue(String entity, String customer, String number, String amount, String dueDate,
            String orderReference) {
        event("ar.invoicing", entity, customer, "InvoiceIssued.v1",
                invoiceIssued(entity, customer, number, amount, dueDate, orderReference));
    }

    public static void putOrder(String entity, String customer, String orderRef, String amount) {
        given().auth().oauth2(Tokens.withRoles("erp")).contentType(ContentType.JSON)
                .body(Map.of("amount", amount, "currency", "EUR"))
                .put("/customers/" + entity + "/" + customer + "/orders/" + orderRef).then().statusCode(200);
    }

    public static void setLimit(String entity, String customer, String amount) {
        given().auth().oauth2(Tokens.withRoles("credit-manager")).contentType(ContentType.JSON)
                .body(Map.of("amount", amount, "currency", "EUR", "reason", "Annual review"))
                .put("/customers/" + entity + "/" + customer + "/limit").then().statusCode(200);
    }

    public static JsonPath credit(String entity, String customer) {
        return given().auth().oauth2(Tokens.withRoles("credit-manager"))
                .get("/customers/" + entity + "/" + customer + "/credit").then().extract().jsonPath();
    }

    /** Waits until the customer's credit satisfies the condition, and returns it. */
    public static JsonPath awaitCredit(String entity, String customer, Predicate<JsonPath> condition) {
        JsonPath[] last = new JsonPath[1];
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            last[0] = credit(entity, customer);
            return last[0].get("customerId") != null && condition.test(last[0]);
        });
        return last[0];
    }

    public static Predicate<JsonPath> field(String path, Object value) {
        return credit -> value.equals(credit.get(path));
    }
}
