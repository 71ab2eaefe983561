package dev.steelyard.kpi.receivables;

import static dev.steelyard.kpi.ArEvents.allocation;
import static dev.steelyard.kpi.ArEvents.invoice;
import static dev.steelyard.kpi.ArEvents.payment;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.steelyard.chassis.testing.SteelyardTestResource;
import dev.steelyard.kpi.ArEvents;
import dev.steelyard.kpi.Kpis;
import dev.steelyard.kpi.TestClock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/**
 * "As known at" answers what had been received by then, whether the later events arrived in the
 * same hour, after midnight, or closed an invoice that was open at the time.
 */
@QuarkusTest
@WithTestResource(SteelyardTestResource.class)
class KnownAtTest {

    @Inject
    TestClock clock;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    private static Map<String, String> knownAt(String entity, String time) {
        return Map.of("entity", entity, "knownAt", time);
    }

    @Test
    void latePaymentAfterMidnightChangesTodaysMonthButNotTheMonthAsReported() {
        String entity = ArEvents.newEntity();
        clock.set(Instant.parse("2025-01-31T23:50:00Z"));
        ArEvents.send(invoice(entity, "C-1", "A-1", "USD", "1000.00", "2025-01-10", "2025-01-20"),
                invoice(entity, "C-1", "A-2", "USD", "250.00", "2025-01-15", "2025-02-14"));
        Kpis.awaitField("/kpis/month/2025-01", Map.of("entity", entity), "endingAR", "1250.00");
        clock.set(Instant.parse("2025-02-01T00:10:00Z"));
        ArEvents.send(payment(entity, "C-1", "P-1", "USD", "600.00", "2025-01-28", "0.00",
                allocation("A-1", "600.00", "0.00", "0.00", "2025-01-28")));

        JsonPath today = Kpis.awaitField("/kpis/month/2025-01", Map.of("entity", entity), "endingAR", "650.00");
        assertEquals(List.of("60.00", "400.00", "250.00"),
                List.of(today.getString("cei"), today.getString("aging.1-30"), today.getString("aging.current")));
        // Reported five minutes before midnight: the invoices arrived within that hour, the payment the next day.
        JsonPath reported = Kpis.month("2025-01", knownAt(entity, "2025-01-31T23:55:00Z"));
        assertEquals(List.of("1250.00", "0.00", "1000.00", "250.00"), List.of(reported.getString("endingAR"),
                reported.getString("cei"), reported.getString("aging.1-30"), reported.getString("aging.current")));
        // After midnight but before the payment, within the payment's hour: still the reported figures.
        assertEquals("1250.00", Kpis.month("2025-01", knownAt(entity, "2025-02-01T00:09:59.999999Z"))
                .getString("endingAR"));
        // Received exactly at knownAt counts; an hour later it comes from the hourly aggregates.
        assertEquals("650.00", Kpis.month("2025-01", knownAt(entity, "2025-02-01T00:10:00Z")).getString("endingAR"));
        assertEquals("650.00", Kpis.month("2025-01", knownAt(entity, "2025-02-01T01:00:00Z")).getString("endingAR"));
    }

    @Test
    void agingAsOfADayAsKnownAtTheTimeListsAnInvoicePaidLater() {
        String entity = ArEvents.newEntity();
        clock.set(Instant.parse("2025-03-31T22:00:00Z"));
        ArEvents.send(invoice(entity, "C-1", "B-1", "USD", "800.00", "2025-02-01", "2025-03-03"),
                invoice(entity, "C-2", "B-2", "USD", "200.00", "2025-03-05", "2025-04-04"));
        Kpis.awaitField("/kpis/month/2025-03", Map.of("entity", entity), "endingAR", "1000.00");
        clock.set(Instant.parse("2025-04-02T09:00:00Z"));
        ArEvents.send(payment(entity, "C-1", "P-1", "USD", "800.00", "2025-03-30", "0.00",
                allocation("B-1", "800.00", "0.00", "0.00", "2025-03-30")));
        Map<String, String> asOf = Map.of("entity", entity, "asOf", "2025-03-31", "invoices", "true");

        JsonPath today = Kpis.awaitField("/kpis/aging", asOf, "openAR", "200.00");
        assertEquals(List.of("B-2"), today.getList("invoices.invoiceNumber"));
        JsonPath asKnown = Kpis.get("/kpis/aging", Map.of("entity", entity, "asOf", "2025-03-31", "invoices", "true",
                "knownAt", "2025-04-01T12:00:00Z"));
        assertEquals("1000.00", asKnown.getString("openAR"));
        assertEquals(Map.of("current", "200.00", "1-30", "800.00", "31-60", "0.00", "61-90", "0.00", "91+", "0.00",
                "awaitingInvoice", "0.00"), asKnown.getMap("buckets"));
        assertEquals(List.of("B-1", "B-2"), asKnown.getList("invoices.invoiceNumber"));
        assertEquals(List.of(28, -4), asKnown.getList("invoices.daysPastDue"));
        assertEquals(List.of("800.00", "200.00"), asKnown.getList("invoices.openAmount"));
    }
}
