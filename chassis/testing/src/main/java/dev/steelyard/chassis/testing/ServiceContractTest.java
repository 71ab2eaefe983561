package dev.steelyard.chassis.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

/**
 * What every Steelyard service promises regardless of its domain: readiness that covers its
 * database and Kafka, OpenAPI and metrics without a token, problem+json for everything else.
 * A service's test extends it and adds {@code @QuarkusTest @WithTestResource(SteelyardTestResource.class)}.
 */
public abstract class ServiceContractTest {

    @Test
    protected void readinessCoversDatabaseAndKafka() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'Kafka broker' }.status", equalTo("UP"))
                .body("checks.find { it.name.contains('Database') }.status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    protected void openApiAndMetricsNeedNoToken() {
        given().get("/q/openapi").then().statusCode(200);
        given().get("/q/swagger-ui/").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    protected void unknownPathIsAProblemWithoutInternals() {
        given().auth().oauth2(Tokens.withRoles("admin")).get("/no/such/path")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body(not(containsString("Exception")));
    }
}
