package dev.steelyard.kpi.trend;

import static dev.steelyard.kpi.ArEvents.invoice;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.steelyard.chassis.testing.SteelyardTestResource;
import dev.steelyard.chassis.testing.Tokens;
import dev.steelyard.kpi.ArEvents;
import dev.steelyard.kpi.Kpis;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Series of one KPI per day, week or month, as JSON for charts and as CSV. */
@QuarkusTest
@WithTestResource(SteelyardTestResource.class)
class TrendTest {

    @Test
    void monthlyTrendHasOnePointPerMonthWithTheMonthsFigures() {
        String entity = ArEvents.newEntity();
        ArEvents.send(invoice(entity, "C-1", "A", "USD", "100.00", "2024-01-10", "2024-02-09"),
                invoice(entity, "C-1", "B", "USD", "300.00", "2024-02-10", "2024-03-11"));
        Kpis.awaitField("/kpis/month/2024-02", Map.of("entity", entity), "endingAR", "400.00");
        JsonPath trend = Kpis.get("/kpis/trend", Map.of("entity", entity, "metric", "dsoStandard",
                "from", "2024-01-01", "to", "2024-03-31", "interval", "month"));
        assertEquals(List.of("2024-01-01", "2024-02-01", "2024-03-01"), trend.getList("points.from"));
        // January 100 / 100 × 31; February 400 / 300 × 29; March has no sales: undefined.
        assertEquals(java.util.Arrays.asList("31.00", "38.67", null), trend.getList("points.value"));
        assertEquals("credit sales of the period are zero", trend.getString("points[2].reason"));
        assertEquals(Kpis.month("2024-02", Map.of("entity", entity)).getString("dsoStandard"),
                trend.getString("points[1].value"));
    }

    @Test
    void weeklyPeriodsRunMondayToSundayClippedToTheRange() {
        JsonPath trend = Kpis.get("/kpis/trend", Map.of("entity", ArEvents.newEntity(), "metric", "endingAR",
                "from", "2024-01-03", "to", "2024-01-16", "interval", "week"));
        assertEquals(List.of("2024-01-03", "2024-01-08", "2024-01-15"), trend.getList("points.from"));
        assertEquals(List.of("2024-01-07", "2024-01-14", "2024-01-16"), trend.getList("points.to"));
    }

    @Test
    void trendIsExportedAsCsv() {
        String entity = ArEvents.newEntity();
        ArEvents.send(invoice(entity, "C-1", "A", "USD", "100.00", "2024-01-10", "2024-02-09"));
        Kpis.awaitField("/kpis/month/2024-01", Map.of("entity", entity), "endingAR", "100.00");
        String csv = given().auth().oauth2(Tokens.withRoles("ops")).accept("text/csv")
                .queryParams(Map.of("entity", entity, "metric", "endingAR", "from", "2024-01-30", "to", "2024-02-01",
                        "interval", "day"))
                .get("/kpis/trend").then().statusCode(200).contentType("text/csv").extract().asString();
        assertEquals("""
                from,to,endingAR,currency,undefined_reason
                2024-01-30,2024-01-30,100.00,USD,
                2024-01-31,2024-01-31,100.00,USD,
                2024-02-01,2024-02-01,100.00,USD,
                """, csv);
    }

    @Test
    void unknownMetricIsRefusedNamingIt() {
        given().auth().oauth2(Tokens.withRoles("ops")).queryParams(Map.of("metric", "dso", "from", "2024-01-01",
                "to", "2024-01-31")).get("/kpis/trend").then().statusCode(400).body("field", equalTo("metric"));
    }
}
