package dev.steelyard.kpi.kpi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.steelyard.chassis.testing.SteelyardTestResource;
import dev.steelyard.chassis.testing.Tokens;
import dev.steelyard.kpi.ArEvents;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Bad requests are 400 problems naming the field; KPIs need the ops or admin role and respect entity limits. */
@QuarkusTest
@WithTestResource(SteelyardTestResource.class)
class KpiRequestsTest {

    private static void badRequest(String path, Map<String, String> parameters, String field) {
        given().auth().oauth2(Tokens.withRoles("ops")).queryParams(parameters).get(path).then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo(field));
    }

    @Test
    void malformedMonthIsRefusedNamingTheMonth() {
        badRequest("/kpis/month/2024-13", Map.of(), "month");
        badRequest("/kpis/month/2024-1", Map.of(), "month");
    }

    @Test
    void unknownParameterIsRefusedNamingIt() {
        badRequest("/kpis/month/2024-01", Map.of("entitty", "X"), "entitty");
    }

    @Test
    void badPeriodDatesAreRefusedNamingTheField() {
        badRequest("/kpis/period", Map.of("from", "2024-02-30", "to", "2024-03-01"), "from");
        badRequest("/kpis/period", Map.of("from", "2024-02-01"), "to");
        badRequest("/kpis/period", Map.of("from", "2024-03-01", "to", "2024-02-01"), "to");
    }

    @Test
    void unknownConventionIsRefusedNamingIt() {
        badRequest("/kpis/month/2024-01", Map.of("ceiSales", "yearly"), "ceiSales");
        badRequest("/kpis/month/2024-01", Map.of("countbackMonth", "31"), "countbackMonth");
    }

    @Test
    void badKnownAtAndCurrencyAreRefusedNamingThem() {
        badRequest("/kpis/month/2024-01", Map.of("knownAt", "yesterday"), "knownAt");
        badRequest("/kpis/month/2024-01", Map.of("currency", "usd"), "currency");
        badRequest("/kpis/aging", Map.of("asOf", "2024-01-32"), "asOf");
    }

    @Test
    void undefinedFiguresAreNullWithAReason() {
        given().auth().oauth2(Tokens.withRoles("ops")).queryParam("entity", ArEvents.newEntity())
                .get("/kpis/month/2024-01").then().statusCode(200)
                .body("dsoStandard", equalTo(null))
                .body("undefined.dsoStandard", equalTo("credit sales of the period are zero"))
                .body("endingAR", equalTo("0.00"));
    }

    @Test
    void kpisOfAnEntityTheTokenMayNotSeeAreNotFound() {
        given().auth().oauth2(Tokens.limitedTo(List.of("someone-else"), "ops")).queryParam("entity", "391")
                .get("/kpis/month/2024-01").then().statusCode(404);
    }

    @Test
    void kpisNeedTheOpsOrAdminRole() {
        given().get("/kpis/month/2024-01").then().statusCode(401);
        given().auth().oauth2(Tokens.withRoles("collector")).get("/kpis/month/2024-01").then().statusCode(403);
    }
}
