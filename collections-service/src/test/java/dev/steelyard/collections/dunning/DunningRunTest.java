package dev.steelyard.collections.dunning;

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
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.steelyard.chassis.testing.SteelyardTestResource;
import dev.steelyard.chassis.testing.Tokens;
import dev.steelyard.collections.GreenMailResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.mail.internet.MimeMessage;

@QuarkusTest
@WithTestResource(SteelyardTestResource.class)
@WithTestResource(GreenMailResource.class)
class DunningRunTest {

    private static String overdueInvoice(String entity, String customer, String invoice, String amount) {
        invoiceIssued(entity, customer, invoice, "EUR", amount, "2013-01-01", "2013-01-31");
        awaitOpenAmount(entity, customer, invoice, amount);
        return invoice;
    }

    private static List<Map<String, Object>> sent(JsonPath run) {
        return run.getList("sent");
    }

    @Test
    void remindsOnTheFirstDayPastDueButNotOnTheDueDate() {
        String entity = newEntity();
        contact(entity, "C-1", "ap@" + entity + ".example", "en");
        overdueInvoice(entity, "C-1", "INV-1", "1000.00");

        assertEquals(List.of(0), run(entity, "2013-01-24").getList("sent.level"));
        assertEquals(List.of(), sent(run(entity, "2013-01-31")));
        JsonPath firstDayPastDue = run(entity, "2013-02-01");

        assertEquals(List.of(1), firstDayPastDue.getList("sent.level"));
        assertEquals(List.of(List.of(Map.of("invoiceNumber", "INV-1", "dueDate", "2013-01-31", "openAmount",
                "1000.00", "currency", "EUR", "daysPastDue", 1))), firstDayPastDue.getList("sent.invoices"));
        assertEquals(List.of("DELIVERED"), firstDayPastDue.getList("sent.delivery"));
    }

    @Test
    void sendsAFriendlyReminderSevenDaysBeforeTheDueDate() {
        String entity = newEntity();
        String email = "ap@" + entity + ".example";
        contact(entity, "C-1", email, "en");
        overdueInvoice(entity, "C-1", "INV-7", "1000.00");

        assertEquals(List.of(), sent(run(entity, "2013-01-23")));
        JsonPath preDue = run(entity, "2013-01-24");

        assertEquals(List.of(0), preDue.getList("sent.level"));
        assertEquals(List.of(-7), preDue.getList("sent[0].invoices.daysPastDue"));
        List<MimeMessage> mails = GreenMailResource.mailsTo(email);
        assertEquals(1, mails.size());
        assertEquals("Upcoming payment: 1000.00 EUR", GreenMailResource.subject(mails.get(0)));
    }

    @Test
    void dunsAPartlyPaidOverdueInvoiceForItsOpenAmountOnly() {
        String entity = newEntity();
        String email = "ap@" + entity + ".example";
        contact(entity, "C-1", email, "en");
        invoiceIssued(entity, "C-1", "INV-2", "EUR", "1000.00", "2013-01-01", "2013-01-31");
        paymentReceived(entity, "C-1", "P-1", "INV-2", "EUR", "400.00", "0.00", "2013-01-20");
        awaitOpenAmount(entity, "C-1", "INV-2", "600.00");

        JsonPath run = run(entity, "2013-02-01");

        assertEquals(List.of("600.00"), run.getList("sent[0].invoices.openAmount"));
        given().auth().oauth2(Tokens.withRoles("collector")).get("/dunning/messages?entity=" + entity + "&customer=C-1")
                .then().statusCode(200).body("size()", equalTo(1)).body("[0].level", equalTo(1))
                .body("[0].channel", equalTo("EMAIL")).body("[0].invoices[0].openAmount", equalTo("600.00"));
        assertEquals("""
                Dear C-1,

                as of 2013-02-01 these invoices are overdue:

                INV-2  due 2013-01-31  open 600.00 EUR

                Please pay the open total of 600.00 EUR now.""", GreenMailResource.text(GreenMailResource.mailsTo(email).get(0)));
    }

    @Test
    void sendsNoReminderAfterFullPayment() {
        String entity = newEntity();
        String email = "ap@" + entity + ".example";
        contact(entity, "C-1", email, "en");
        invoiceIssued(entity, "C-1", "INV-3", "EUR", "1000.00", "2013-01-01", "2013-01-31");
        paymentReceived(entity, "C-1", "P-3", "INV-3", "EUR", "980.00", "20.00", "2013-01-30");
        awaitOpenAmount(entity, "C-1", "INV-3", "0.00");

        assertEquals(List.of(), sent(run(entity, "2013-02-01")));
        assertEquals(List.of(), sent(run(entity, "2013-03-15")));
        assertEquals(0, GreenMailResource.mailsTo(email).size());
    }

    @Test
    void repeatingTheSameRunSendsNothingNew() {
        String entity = newEntity();
        String email = "ap@" + entity + ".example";
        contact(entity, "C-1", email, "en");
        overdueInvoice(entity, "C-1", "INV-4", "1000.00");
        overdueInvoice(entity, "C-1", "INV-5", "250.00");

        JsonPath first = run(entity, "2013-02-01");
        JsonPath again = run(entity, "2013-02-01");

        assertEquals(List.of(List.of("INV-4", "INV-5")), first.getList("sent.invoices.invoiceNumber"));
        assertEquals(List.of(), sent(again));
        assertEquals(1, GreenMailResource.mailsTo(email).size());
        given().auth().oauth2(Tokens.withRoles("collector")).get("/dunning/messages?entity=" + entity)
                .then().statusCode(200).body("size()", equalTo(1));
    }

    @Test
    void levelsAdvanceOnlyAfterTheMinimumGap() {
        String entity = newEntity();
        contact(entity, "C-1", "ap@" + entity + ".example", "en");
        invoiceIssued(entity, "C-1", "INV-6", "EUR", "1000.00", "2013-01-01", "2013-01-10");
        awaitOpenAmount(entity, "C-1", "INV-6", "1000.00");

        assertEquals(List.of(1), run(entity, "2013-01-20").getList("sent.level"));
        assertEquals(List.of(), sent(run(entity, "2013-01-26")));
        assertEquals(List.of(2), run(entity, "2013-01-27").getList("sent.level"));
    }

    @Test
    void escalationAtThirtyDaysAsksCreditServiceForAHold() {
        String entity = newEntity();
        contact(entity, "C-1", "ap@" + entity + ".example", "en");
        invoiceIssued(entity, "C-1", "INV-8", "EUR", "1000.00", "2012-12-02", "2013-01-01");
        awaitOpenAmount(entity, "C-1", "INV-8", "1000.00");

        JsonPath run = run(entity, "2013-01-31");

        assertEquals(List.of(3), run.getList("sent.level"));
        assertEquals(List.of(List.of("NOTIFY_COLLECTOR", "CREDIT_HOLD")), run.getList("sent.actions"));
        await().atMost(Duration.ofSeconds(15)).until(() -> published(entity, "DunningStepTaken.v1").size() == 1);
        assertEquals("{\"legalEntity\":\"" + entity + "\",\"customerId\":\"C-1\",\"level\":3,\"channel\":\"EMAIL\","
                + "\"actions\":[\"NOTIFY_COLLECTOR\",\"CREDIT_HOLD\"],\"invoices\":[{\"invoiceNumber\":\"INV-8\","
                + "\"openAmount\":\"1000.00\",\"currency\":\"EUR\",\"daysPastDue\":30}],\"asOf\":\"2013-01-31\"}",
                published(entity, "DunningStepTaken.v1").get(0));
    }

    @Test
    void emailsAreWrittenInTheCustomersLanguage() {
        String entity = newEntity();
        contact(entity, "C-EN", "en@" + entity + ".example", "en");
        contact(entity, "C-DE", "de@" + entity + ".example", "de");
        overdueInvoice(entity, "C-EN", "INV-EN", "1000.00");
        overdueInvoice(entity, "C-DE", "INV-DE", "250.50");

        run(entity, "2013-02-01");

        MimeMessage english = GreenMailResource.mailsTo("en@" + entity + ".example").get(0);
        MimeMessage german = GreenMailResource.mailsTo("de@" + entity + ".example").get(0);
        assertEquals("Payment reminder: 1000.00 EUR overdue", GreenMailResource.subject(english));
        assertEquals("Zahlungserinnerung: 250.50 EUR überfällig", GreenMailResource.subject(german));
        assertEquals("""
                Sehr geehrte Damen und Herren (C-DE),

                am 2013-02-01 sind diese Rechnungen überfällig:

                INV-DE  fällig 2013-01-31  offen 250.50 EUR

                Bitte begleichen Sie den offenen Betrag von 250.50 EUR umgehend.""", GreenMailResource.text(german));
    }

    @Test
    void runNeedsAnAsOfDateAndTheAdminRole() {
        given().auth().oauth2(Tokens.withRoles("admin")).contentType(ContentType.JSON)
                .body("{\"legalEntity\":\"X\",\"asOf\":\"2013-02-30\"}").post("/dunning/runs")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("asOf"));
        given().auth().oauth2(Tokens.withRoles("admin")).contentType(ContentType.JSON)
                .body("{\"legalEntity\":\"X\"}").post("/dunning/runs")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("asOf"));
        given().auth().oauth2(Tokens.withRoles("collector")).contentType(ContentType.JSON)
                .body("{\"legalEntity\":\"X\",\"asOf\":\"2013-02-01\"}").post("/dunning/runs")
                .then().statusCode(403);
    }
}
