package dev.steelyard.collections.dunning;

import static dev.steelyard.collections.CollectionsFixtures.awaitOpenAmount;
import static dev.steelyard.collections.CollectionsFixtures.invoiceIssued;
import static dev.steelyard.collections.CollectionsFixtures.newEntity;
import static dev.steelyard.collections.CollectionsFixtures.run;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import dev.steelyard.chassis.testing.SteelyardTestResource;
import dev.steelyard.chassis.testing.Tokens;
import dev.steelyard.collections.GreenMailResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(SteelyardTestResource.class)
@WithTestResource(GreenMailResource.class)
class DunningWebhookTest {

    /** What the ERP's endpoint received. */
    record Call(String timestamp, String signature, String body) {
    }

    @Test
    void webhookLevelPostsASignedMessageNamingTheOpenAmounts() throws Exception {
        BlockingQueue<Call> calls = new LinkedBlockingQueue<>();
        HttpServer erp = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        erp.createContext("/dunning", exchange -> {
            calls.add(new Call(exchange.getRequestHeaders().getFirst("Steelyard-Timestamp"),
                    exchange.getRequestHeaders().getFirst("Steelyard-Signature"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        erp.start();
        try {
            String entity = newEntity();
            given().auth().oauth2(Tokens.withRoles("admin")).contentType(ContentType.JSON)
                    .body("""
                            {"minimumGapDays":7,"webhookUrl":"http://127.0.0.1:%d/dunning","levels":[
                              {"level":1,"daysPastDue":1,"minimumOpenAmount":"0","channel":"WEBHOOK","actions":[],
                               "templates":{"en":{"subject":"Overdue","body":"{invoices}","line":"{invoiceNumber}"}}}]}"""
                            .formatted(erp.getAddress().getPort()))
                    .put("/dunning/policies/" + entity).then().statusCode(200);
            invoiceIssued(entity, "C-1", "W-1", "EUR", "1000.00", "2013-01-01", "2013-01-31");
            awaitOpenAmount(entity, "C-1", "W-1", "1000.00");

            run(entity, "2013-02-01");

            Call call = calls.poll(20, TimeUnit.SECONDS);
            assertNotNull(call, "the ERP endpoint was not called");
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec("test-webhook-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = HexFormat.of().formatHex(mac.doFinal((call.timestamp() + "." + call.body())
                    .getBytes(StandardCharsets.UTF_8)));
            assertEquals("v1=" + expected, call.signature());
            assertTrue(call.body().contains("\"legalEntity\":\"" + entity + "\",\"customerId\":\"C-1\",\"level\":1,"),
                    call.body());
            assertTrue(call.body().contains("\"invoices\":[{\"invoiceNumber\":\"W-1\",\"dueDate\":\"2013-01-31\","
                    + "\"openAmount\":\"1000.00\",\"currency\":\"EUR\",\"daysPastDue\":1}]"), call.body());
        } finally {
            erp.stop(0);
        }
    }

    @Test
    void webhookLevelWithoutAUrlIsRefusedNamingTheField() {
        given().auth().oauth2(Tokens.withRoles("admin")).contentType(ContentType.JSON)
                .body("""
                        {"minimumGapDays":7,"levels":[
                          {"level":1,"daysPastDue":1,"minimumOpenAmount":"0","channel":"WEBHOOK","actions":[],
                           "templates":{"en":{"subject":"Overdue","body":"{invoices}","line":"{invoiceNumber}"}}}]}""")
                .put("/dunning/policies/" + newEntity())
                .then().statusCode(400).body("field", org.hamcrest.Matchers.equalTo("webhookUrl"));
    }

}
