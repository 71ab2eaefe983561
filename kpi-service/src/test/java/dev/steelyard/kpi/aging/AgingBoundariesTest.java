package dev.steelyard.kpi.aging;

import static dev.steelyard.kpi.ArEvents.invoice;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.steelyard.chassis.testing.SteelyardTestResource;
import dev.steelyard.kpi.ArEvents;
import dev.steelyard.kpi.Kpis;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Invoices exactly on the bucket boundaries at the end of 2024-06-30. */
@QuarkusTest
@WithTestResource(SteelyardTestResource.class)
class AgingBoundariesTest {

    @Test
    void dueTodayIsCurrentAndThirtySixtyNinetyDaysPastDueStayInTheirBuckets() {
        String entity = ArEvents.newEntity();
        ArEvents.send(invoice(entity, "C-1", "DUE-TODAY", "USD", "1.00", "2024-03-01", "2024-06-30"),
                invoice(entity, "C-1", "PAST-30", "USD", "30.00", "2024-03-01", "2024-05-31"),
                invoice(entity, "C-1", "PAST-31", "USD", "31.00", "2024-03-01", "2024-05-30"),
                invoice(entity, "C-1", "PAST-60", "USD", "60.00", "2024-03-01", "2024-05-01"),
                invoice(entity, "C-1", "PAST-90", "USD", "90.00", "2024-03-01", "2024-04-01"),
                invoice(entity, "C-1", "PAST-91", "USD", "91.00", "2024-03-01", "2024-03-31"));
        Map<String, String> query = Map.of("entity", entity, "asOf", "2024-06-30", "invoices", "true");
        JsonPath aging = Kpis.awaitField("/kpis/aging", query, "openAR", "303.00");
        assertEquals(Map.of("current", "1.00", "1-30", "30.00", "31-60", "91.00", "61-90", "90.00", "91+", "91.00",
                "awaitingInvoice", "0.00"), aging.getMap("buckets"));
        assertEquals(List.of("DUE-TODAY", "PAST-30", "PAST-31", "PAST-60", "PAST-90", "PAST-91"),
                aging.getList("invoices.invoiceNumber"));
        assertEquals(List.of(0, 30, 31, 60, 90, 91), aging.getList("invoices.daysPastDue"));
        assertEquals(List.of("current", "1-30", "31-60", "31-60", "61-90", "91+"), aging.getList("invoices.bucket"));
    }

    @Test
    void currentArOfAMonthCountsAnInvoiceDueOnItsLastDay() {
        String entity = ArEvents.newEntity();
        ArEvents.send(invoice(entity, "C-1", "A", "USD", "70.00", "2024-06-01", "2024-06-30"),
                invoice(entity, "C-1", "B", "USD", "30.00", "2024-06-01", "2024-06-29"));
        JsonPath month = Kpis.awaitField("/kpis/month/2024-06", Map.of("entity", entity), "endingAR", "100.00");
        assertEquals("70.00", month.getString("endingCurrentAR"));
    }
}
