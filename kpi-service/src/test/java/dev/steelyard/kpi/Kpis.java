package dev.steelyard.kpi;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import dev.steelyard.chassis.testing.Tokens;
import io.restassured.path.json.JsonPath;

/** Reads KPI answers as operations does and waits for the projections to reach a state. */
public final class Kpis {

    private Kpis() {
    }

    public static JsonPath get(String path, Map<String, ?> parameters) {
        return given().auth().oauth2(Tokens.withRoles("ops")).queryParams(parameters).get(path)
                .then().statusCode(200).extract().jsonPath();
    }

    public static JsonPath month(String month, Map<String, ?> parameters) {
        return get("/kpis/month/" + month, parameters);
    }

    /** Waits until the field of the answer has the value (events arrive asynchronously), then returns the answer. */
    public static JsonPath awaitField(String path, Map<String, ?> parameters, String field, String value) {
        AtomicReference<JsonPath> last = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            last.set(get(path, parameters));
            return value.equals(String.valueOf(last.get().getString(field)));
        });
        return last.get();
    }
}
