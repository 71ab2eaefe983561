package dev.steelyard.kpi.fx;

import static dev.steelyard.kpi.ArEvents.invoice;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.steelyard.chassis.testing.SteelyardTestResource;
import dev.steelyard.chassis.testing.Tokens;
import dev.steelyard.kpi.ArEvents;
import dev.steelyard.kpi.Kpis;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Figures are per currency; adding currencies up needs the exchange rates of the dates involved. */
@QuarkusTest
@WithTestResource(SteelyardTestResource.class)
class CurrenciesTest {

    @Test
    void mixedCurrenciesAreRefusedUntilExchangeRatesForTheDatesAreLoaded() {
        String entity = ArEvents.newEntity();
        ArEvents.send(invoice(entity, "C-1", "U-1", "USD", "100.00", "2031-01-10", "2031-02-09"),
                invoice(entity, "C-1", "E-1", "EUR", "50.00", "2031-01-12", "2031-02-11"));
        Kpis.awaitField("/kpis/month/2031-01", Map.of("entity", entity, "currency", "EUR"), "endingAR", "50.00");
        assertEquals("100.00", Kpis.month("2031-01", Map.of("entity", entity, "currency", "USD"))
                .getString("endingAR"));

        given().auth().oauth2(Tokens.withRoles("ops")).queryParam("entity", entity).get("/kpis/month/2031-01")
                .then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("currency")).body("rule", equalTo("single-currency"))
                .body("detail", containsString("EUR, USD"));
        given().auth().oauth2(Tokens.withRoles("ops")).queryParams(Map.of("entity", entity,
                "reportingCurrency", "USD")).get("/kpis/month/2031-01")
                .then().statusCode(400).body("field", equalTo("reportingCurrency"))
                .body("detail", containsString("EUR to USD for 2030-12-31"));

        given().auth().oauth2(Tokens.withRoles("admin")).contentType("application/json").body("""
                {"rates":[{"date":"2030-12-31","from":"EUR","to":"USD","rate":"1.10"},
                          {"date":"2031-01-31","from":"EUR","to":"USD","rate":"1.20"}]}""")
                .put("/fx-rates").then().statusCode(200).body("loaded", equalTo(2));
        JsonPath total = Kpis.month("2031-01", Map.of("entity", entity, "reportingCurrency", "USD"));
        assertEquals("USD", total.getString("currency"));
        assertEquals("160.00", total.getString("endingAR"));
        assertEquals("160.00", total.getString("creditSales"));
        assertEquals("31.00", total.getString("dsoStandard"));
        assertEquals(java.util.List.of("EUR", "USD"), total.getList("convertedFrom"));
    }

    @Test
    void loadingExchangeRatesNeedsTheAdminRole() {
        given().auth().oauth2(Tokens.withRoles("ops")).contentType("application/json")
                .body("{\"rates\":[{\"date\":\"2031-01-31\",\"from\":\"EUR\",\"to\":\"USD\",\"rate\":\"1.2\"}]}")
                .put("/fx-rates").then().statusCode(403);
    }

    @Test
    void exchangeRateWithAnUnknownCurrencyIsRefusedNamingTheField() {
        given().auth().oauth2(Tokens.withRoles("admin")).contentType("application/json")
                .body("{\"rates\":[{\"date\":\"2031-01-31\",\"from\":\"EURO\",\"to\":\"USD\",\"rate\":\"1.2\"}]}")
                .put("/fx-rates").then().statusCode(400).body("field", equalTo("rates[0].from"));
    }
}
