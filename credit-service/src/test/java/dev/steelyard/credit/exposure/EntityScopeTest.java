package dev.steelyard.credit.exposure;

import static dev.steelyard.credit.Credit.newEntity;
import static dev.steelyard.credit.Credit.setLimit;
import static io.restassured.RestAssured.given;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.steelyard.chassis.testing.SteelyardTestResource;
import dev.steelyard.chassis.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(SteelyardTestResource.class)
class EntityScopeTest {

    @Test
    void creditOfAnotherLegalEntityIsInvisible() {
        String entity = newEntity();
        setLimit(entity, "C-1", "1000.00");
        given().auth().oauth2(Tokens.limitedTo(List.of("OTHER"), "credit-manager"))
                .get("/customers/" + entity + "/C-1/credit").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.limitedTo(List.of(entity), "credit-manager"))
                .get("/customers/" + entity + "/C-1/credit").then().statusCode(200);
    }
}
