package dev.steelyard.collections;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import dev.steelyard.chassis.testing.KafkaTestClient;
import dev.steelyard.chassis.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Feeds collections-service the events other services publish, and drives its API, for tests. */
public final class CollectionsFixtures {

    private CollectionsFixtures() {
    }

    /** A legal entity no other test uses. */
    public static String newEntity() {
        return "T" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static void invoiceIssued(String entity, String customer, String invoice, String currency, String amount,
            String issueDate, String dueDate) {
        KafkaTestClient.send(KafkaTestClient.cloudEvent("ar.invoicing", entity + "/" + customer,
                UUID.randomUUID().toString(), "InvoiceIssued.v1", """
                        {"legalEntity":"%s","invoiceNumber":"%s","customerId":"%s","currency":"%s","amount":"%s",
                         "issueDate":"%s","dueDate":"%s","customerName":"Acme Steel","terms":{"code":"NET30"}}"""
                        .formatted(entity, invoice, customer, currency, amount, issueDate, dueDate)));
    }

    /** A PaymentReceived.v1 allocating amount (and discount) to one invoice. */
    public static void paymentReceived(String entity, String customer, String paymentId, String invoice,
            String currency, String amount, String discount, String valueDate) {
        KafkaTestClient.send(KafkaTestClient.cloudEvent("ar.payments", entity + "/" + customer,
                UUID.randomUUID().toString(), "PaymentReceived.v1", """
                        {"legalEntity":"%s","paymentId":"%s","customerId":"%s","currency":"%s","amount":"%s",
                         "valueDate":"%s","allocations":[{"invoiceNumber":"%s","amount":"%s","discount":"%s",
                         "writeOff":"0.00","valueDate":"%s"}],"unappliedAmount":"0.00"}"""
                        .formatted(entity, paymentId, customer, currency, amount, valueDate, invoice, amount, discount,
                                valueDate)));
    }

    /** Waits until collections knows the invoice with this open amount. */
    public static void awaitOpenAmount(String entity, String customer, String invoice, String openAmount) {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            List<String> found = given().auth().oauth2(Tokens.withRoles("collector"))
                    .get("/receivables?entity=" + entity + "&customer=" + customer)
                    .then().statusCode(200).extract().jsonPath()
                    .getList("findAll { it.invoiceNumber == '" + invoice + "' }.openAmount");
            return found.equals(List.of(openAmount));
        });
    }

    public static void contact(String entity, String customer, String email, String language) {
        given().auth().oauth2(Tokens.withRoles("collector")).contentType(ContentType.JSON)
                .body("{\"email\":\"" + email + "\",\"language\":\"" + language + "\"}")
                .put("/customers/" + entity + "/" + customer + "/contact").then().statusCode(200);
    }

    /** POST /dunning/runs as admin; the answer's JSON. */
    public static JsonPath run(String entity, String asOf) {
        return given().auth().oauth2(Tokens.withRoles("admin")).contentType(ContentType.JSON)
                .body("{\"legalEntity\":\"" + entity + "\",\"asOf\":\"" + asOf + "\"}")
                .post("/dunning/runs").then().statusCode(200).extract().jsonPath();
    }

    /** The data of every event of the type published for the entity on ar.collections. */
    public static List<String> published(String entity, String type) {
        return KafkaTestClient.readAll("ar.collections", type).stream()
                .filter(r -> r.key() != null && r.key().startsWith(entity + "/"))
                .map(KafkaTestClient::value).toList();
    }

    public static List<ConsumerRecord<String, byte[]>> publishedRecords(String entity) {
        return KafkaTestClient.readAll("ar.collections").stream()
                .filter(r -> r.key() != null && r.key().startsWith(entity + "/")).toList();
    }
}
