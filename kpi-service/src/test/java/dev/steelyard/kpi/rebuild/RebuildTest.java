package dev.steelyard.kpi.rebuild;

import static dev.steelyard.kpi.ArEvents.allocation;
import static dev.steelyard.kpi.ArEvents.creditNote;
import static dev.steelyard.kpi.ArEvents.invoice;
import static dev.steelyard.kpi.ArEvents.payment;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import dev.steelyard.chassis.testing.SteelyardTestResource;
import dev.steelyard.chassis.testing.Tokens;
import dev.steelyard.kpi.ArEvents;
import dev.steelyard.kpi.Kpis;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * A full rebuild from the topics switches to a new generation with identical figures, also when the
 * instance that started it died half-way; a rebuild whose owner is alive is not started twice.
 */
@QuarkusTest
@WithTestResource(SteelyardTestResource.class)
class RebuildTest {

    @Inject
    EntityManager entityManager;

    private static JsonPath status() {
        return given().auth().oauth2(Tokens.withRoles("admin")).get("/admin/rebuild").then().statusCode(200)
                .extract().jsonPath();
    }

    private static String body(String path, Map<String, String> parameters) {
        return given().auth().oauth2(Tokens.withRoles("ops")).queryParams(parameters).get(path)
                .then().statusCode(200).extract().asString();
    }

    @Test
    void fullRebuildFromTheTopicsGivesIdenticalFigures() {
        String entity = ArEvents.newEntity();
        ProducerRecord<String, byte[]> twice = payment(entity, "C-1", "P-1", "USD", "300.00", "2024-02-10", "50.00",
                allocation("A-1", "250.00", "0.00", "0.00", "2024-02-10"));
        ArEvents.send(invoice(entity, "C-1", "A-1", "USD", "1000.00", "2024-01-10", "2024-02-09"),
                invoice(entity, "C-2", "B-1", "USD", "400.00", "2024-02-01", "2024-03-02"),
                creditNote(entity, "C-1", "CN-1", "USD", "100.00", "2024-02-15", "A-1"));
        ArEvents.send(twice, twice);
        Map<String, String> february = Map.of("entity", entity);
        Kpis.awaitField("/kpis/month/2024-02", february, "unappliedCash", "50.00");
        Kpis.awaitField("/kpis/month/2024-02", february, "endingAR", "1050.00");
        String knownAt = Instant.now().toString();
        ArEvents.send(payment(entity, "C-2", "P-2", "USD", "400.00", "2024-02-20", "0.00",
                allocation("B-1", "400.00", "0.00", "0.00", "2024-02-20")));
        Kpis.awaitField("/kpis/month/2024-02", february, "endingAR", "650.00");
        Map<String, String> asKnown = Map.of("entity", entity, "knownAt", knownAt);
        Map<String, String> aging = Map.of("entity", entity, "asOf", "2024-03-31", "invoices", "true");
        List<String> before = List.of(body("/kpis/month/2024-02", february), body("/kpis/month/2024-02", asKnown),
                body("/kpis/aging", aging));

        int generation = given().auth().oauth2(Tokens.withRoles("admin")).post("/admin/rebuild").then()
                .statusCode(202).extract().path("buildingGeneration");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> given().auth()
                .oauth2(Tokens.withRoles("admin")).get("/admin/rebuild").then().extract().jsonPath()
                .getInt("activeGeneration") == generation);

        assertEquals("idle", given().auth().oauth2(Tokens.withRoles("admin")).get("/admin/rebuild").then()
                .extract().path("state"));
        assertEquals(before, List.of(body("/kpis/month/2024-02", february), body("/kpis/month/2024-02", asKnown),
                body("/kpis/aging", aging)));
        // Live events keep flowing into the new generation.
        ArEvents.send(invoice(entity, "C-1", "A-2", "USD", "5.00", "2024-02-28", "2024-03-29"));
        Kpis.awaitField("/kpis/month/2024-02", february, "endingAR", "655.00");
    }

    /**
     * The live consumer and the rebuild write the same day rows of the new generation at the same
     * time; both take their row locks in key order, so neither deadlocks the other and the rebuild
     * switches over with every event counted once.
     */
    @Test
    void rebuildFinishesWhileLiveEventsOfTheSameDaysKeepArriving() throws Exception {
        String entity = ArEvents.newEntity();
        List<ProducerRecord<String, byte[]>> history = new java.util.ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            history.add(invoice(entity, "C-" + (i % 7), "H-" + i, "USD", "10.00", "2024-05-0" + (1 + i % 5),
                    "2024-06-0" + (1 + i % 5)));
        }
        ArEvents.sendTogether(history);
        Map<String, String> may = Map.of("entity", entity);
        Kpis.awaitField("/kpis/month/2024-05", may, "endingAR", "30000.00");

        int generation = given().auth().oauth2(Tokens.withRoles("admin")).post("/admin/rebuild").then()
                .statusCode(202).extract().path("buildingGeneration");
        Thread live = new Thread(() -> {
            for (int batch = 0; batch < 60; batch++) {
                List<ProducerRecord<String, byte[]>> records = new java.util.ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    int n = batch * 10 + i;
                    records.add(invoice(entity, "C-" + (n % 7), "L-" + n, "USD", "1.00", "2024-05-0" + (1 + n % 5),
                            "2024-06-0" + (1 + n % 5)));
                }
                ArEvents.sendTogether(records);
            }
        });
        live.start();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> status().getInt("activeGeneration") == generation);
        live.join(60_000);

        assertEquals("idle", status().getString("state"));
        JsonPath month = Kpis.awaitField("/kpis/month/2024-05", may, "endingAR", "30600.00");
        assertEquals("30600.00", month.getString("creditSales"));
    }

    @Test
    void rebuildLeftBehindByADeadInstanceIsTakenOverAndFinishedWithIdenticalFigures() {
        String entity = ArEvents.newEntity();
        ArEvents.send(invoice(entity, "C-1", "A-1", "USD", "700.00", "2024-03-05", "2024-04-04"),
                payment(entity, "C-1", "P-1", "USD", "300.00", "2024-03-20", "0.00",
                        allocation("A-1", "300.00", "0.00", "0.00", "2024-03-20")));
        Map<String, String> march = Map.of("entity", entity);
        Kpis.awaitField("/kpis/month/2024-03", march, "endingAR", "400.00");
        Map<String, String> asKnown = Map.of("entity", entity, "knownAt", Instant.now().toString());
        Map<String, String> aging = Map.of("entity", entity, "asOf", "2024-03-31", "invoices", "true");
        List<String> before = List.of(body("/kpis/month/2024-03", march), body("/kpis/month/2024-03", asKnown),
                body("/kpis/aging", aging));
        int takeovers = status().getInt("takeovers");

        // A rebuild whose owner died ten minutes ago, half-way: its partial generation doubles the figures.
        int partial = QuarkusTransaction.requiringNew().call(() -> {
            int active = ((Number) entityManager.createNativeQuery(
                    "SELECT active_generation FROM projection_state").getSingleResult()).intValue();
            entityManager.createNativeQuery("""
                    INSERT INTO daily_balance SELECT generation + 1, legal_entity, customer_id, currency, day,
                        2 * ar_change, 2 * sales_change, unapplied_cash_change, unallocated_credit_change
                    FROM daily_balance WHERE generation = :g""").setParameter("g", active).executeUpdate();
            entityManager.createNativeQuery("""
                    INSERT INTO projected_event SELECT generation + 1, event_id, received_at
                    FROM projected_event WHERE generation = :g""").setParameter("g", active).executeUpdate();
            entityManager.createNativeQuery("""
                    UPDATE projection_state SET building_generation = active_generation + 1,
                        rebuild_owner = 'dead-instance', rebuild_heartbeat = now() - interval '10 minutes',
                        rebuild_started_at = now() - interval '11 minutes'""").executeUpdate();
            return active + 1;
        });

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonPath status = status();
            return status.getInt("activeGeneration") > partial && "idle".equals(status.getString("state"));
        });
        assertEquals(takeovers + 1, status().getInt("takeovers"));
        assertNotEquals("dead-instance", status().getString("owner"));
        assertEquals(before, List.of(body("/kpis/month/2024-03", march), body("/kpis/month/2024-03", asKnown),
                body("/kpis/aging", aging)));
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery("""
                SELECT (SELECT count(*) FROM daily_balance WHERE generation = :g)
                     + (SELECT count(*) FROM projected_event WHERE generation = :g)""").setParameter("g", partial)
                .getSingleResult()).longValue()));
    }

    @Test
    void rebuildIsRefusedWhileAnotherInstanceHoldsALiveLease() {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                UPDATE projection_state SET building_generation = active_generation + 1,
                    rebuild_owner = 'other-instance', rebuild_heartbeat = now()""").executeUpdate());
        try {
            given().auth().oauth2(Tokens.withRoles("admin")).post("/admin/rebuild").then().statusCode(409)
                    .contentType("application/problem+json").body("status", equalTo(409))
                    .body("title", equalTo("Conflict"))
                    .body("detail", startsWith("a rebuild into generation "));
            JsonPath status = status();
            assertEquals(List.of("rebuilding", "other-instance"),
                    List.of(status.getString("state"), status.getString("owner")));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                    UPDATE projection_state SET building_generation = NULL, rebuild_owner = NULL,
                        rebuild_heartbeat = NULL""").executeUpdate());
        }
    }

    @Test
    void rebuildNeedsTheAdminRole() {
        given().auth().oauth2(Tokens.withRoles("ops")).post("/admin/rebuild").then().statusCode(403);
    }
}
