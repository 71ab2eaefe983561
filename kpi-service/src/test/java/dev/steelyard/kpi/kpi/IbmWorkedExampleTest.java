package dev.steelyard.kpi.kpi;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import dev.steelyard.chassis.testing.SteelyardTestResource;
import dev.steelyard.chassis.testing.Tokens;
import dev.steelyard.kpi.ArEvents;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The worked example of kpi-definitions.md: the January-2012 invoices of the IBM data set and their
 * payments (allocation value date = SettledDate), read for the whole company a token can see.
 */
@QuarkusTest
@WithTestResource(SteelyardTestResource.class)
class IbmWorkedExampleTest {

    private static final Path DATA = Path.of("../deploy/data/ibm-accounts-receivable.csv");
    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("M/d/yyyy");

    @Test
    void januaryTwentyTwelveMatchesTheWorkedExample() throws IOException {
        // Entities are prefixed per run, so the whole company the token sees is exactly this data.
        String prefix = ArEvents.newEntity() + "-";
        TreeSet<String> entities = new TreeSet<>();
        List<ProducerRecord<String, byte[]>> invoices = new ArrayList<>();
        List<ProducerRecord<String, byte[]>> payments = new ArrayList<>();
        List<String> lines = Files.readAllLines(DATA);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            LocalDate issued = LocalDate.parse(f[4], US_DATE);
            if (issued.getYear() != 2012 || issued.getMonthValue() != 1) {
                continue;
            }
            String entity = prefix + f[0];
            entities.add(entity);
            String settled = LocalDate.parse(f[8], US_DATE).toString();
            invoices.add(ArEvents.invoice(entity, f[1], f[3], "USD", f[6], issued.toString(),
                    LocalDate.parse(f[5], US_DATE).toString()));
            payments.add(ArEvents.payment(entity, f[1], "PAY-" + f[3], "USD", f[6], settled, "0.00",
                    ArEvents.allocation(f[3], f[6], "0.00", "0.00", settled)));
        }
        assertEquals(90, invoices.size());
        ArEvents.send(invoices);
        ArEvents.send(payments);

        String token = Tokens.limitedTo(List.copyOf(entities), "ops");
        List<JsonPath> answer = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonPath month = given().auth().oauth2(token).get("/kpis/month/2012-01").then().statusCode(200)
                    .extract().jsonPath();
            answer.add(0, month);
            // Every payment dated after January is in: AR as of the last settlement date is zero.
            return "5658.82".equals(month.getString("creditSales")) && "0.00".equals(given().auth().oauth2(token)
                    .queryParam("asOf", "2013-12-31").get("/kpis/aging").then().extract().path("openAR"))
                    && "4893.59".equals(month.getString("endingAR"));
        });
        JsonPath month = answer.get(0);
        assertEquals("0.00", month.getString("beginningAR"));
        assertEquals("5658.82", month.getString("creditSales"));
        assertEquals("4893.59", month.getString("endingAR"));
        assertEquals("4893.59", month.getString("endingCurrentAR"));
        assertEquals("26.81", month.getString("dsoStandard"));
        assertEquals("26.81", month.getString("bestPossibleDso"));
        assertEquals("0.00", month.getString("averageDaysDelinquent"));
        assertEquals("100.00", month.getString("cei"));
        assertEquals(31, month.getInt("days"));
    }
}
