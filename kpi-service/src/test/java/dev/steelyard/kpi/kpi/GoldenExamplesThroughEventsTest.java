package dev.steelyard.kpi.kpi;

import static dev.steelyard.kpi.ArEvents.allocation;
import static dev.steelyard.kpi.ArEvents.invoice;
import static dev.steelyard.kpi.ArEvents.payment;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.steelyard.chassis.testing.SteelyardTestResource;
import dev.steelyard.kpi.ArEvents;
import dev.steelyard.kpi.Kpis;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The golden examples of kpi-definitions.md, fed as events and read through the API. */
@QuarkusTest
@WithTestResource(SteelyardTestResource.class)
class GoldenExamplesThroughEventsTest {

    @Test
    void standardDsoBestPossibleDsoAndAddOfTheGoldenExample() {
        String entity = ArEvents.newEntity();
        // Ending AR 15,000 (4,000 of it current), credit sales 10,000 in a 30-day month.
        ArEvents.send(invoice(entity, "C-1", "M-1", "USD", "5000.00", "2024-05-01", "2024-05-31"),
                invoice(entity, "C-1", "J-1", "USD", "6000.00", "2024-06-01", "2024-06-15"),
                invoice(entity, "C-1", "J-2", "USD", "4000.00", "2024-06-20", "2024-07-20"));
        JsonPath month = Kpis.awaitField("/kpis/month/2024-06", Map.of("entity", entity), "endingAR", "15000.00");
        assertEquals("5000.00", month.getString("beginningAR"));
        assertEquals("10000.00", month.getString("creditSales"));
        assertEquals("4000.00", month.getString("endingCurrentAR"));
        assertEquals(30, month.getInt("days"));
        assertEquals("45.00", month.getString("dsoStandard"));
        assertEquals("12.00", month.getString("bestPossibleDso"));
        assertEquals("33.00", month.getString("averageDaysDelinquent"));
        // 15,000 − June's 10,000 leaves 5,000 = all of May's sales: 30 + 31 days.
        assertEquals("61.00", month.getString("dsoCountback"));
        assertEquals("0.00", month.getString("cei"));
        assertEquals("USD", month.getString("currency"));
        assertEquals("period", month.getString("conventions.ceiSales"));
        assertEquals("calendar", month.getString("conventions.countbackMonth"));
        // May's invoice is exactly 30 days past due at the end of June: still 1-30.
        assertEquals(Map.of("current", "4000.00", "1-30", "11000.00", "31-60", "0.00", "61-90", "0.00",
                "91+", "0.00", "awaitingInvoice", "0.00"), month.getMap("aging"));
    }

    @Test
    void countbackWithThirtyDayMonthsOfTheGoldenExample() {
        String entity = ArEvents.newEntity();
        ArEvents.send(invoice(entity, "C-1", "JAN", "USD", "70000.00", "2024-01-10", "2024-02-09"),
                invoice(entity, "C-1", "FEB", "USD", "80000.00", "2024-02-10", "2024-03-11"),
                invoice(entity, "C-1", "MAR", "USD", "100000.00", "2024-03-10", "2024-04-09"));
        ArEvents.send(payment(entity, "C-1", "P-1", "USD", "38000.00", "2024-03-15", "0.00",
                allocation("JAN", "38000.00", "0.00", "0.00", "2024-03-15")));
        Map<String, String> thirty = Map.of("entity", entity, "countbackMonth", "30");
        JsonPath month = Kpis.awaitField("/kpis/month/2024-03", thirty, "endingAR", "212000.00");
        assertEquals("73.71", month.getString("dsoCountback"));
        assertEquals("30", month.getString("conventions.countbackMonth"));
        // Calendar months: 31 (March) + 29 (February 2024) + 32,000 / 70,000 × 31.
        assertEquals("74.17", Kpis.month("2024-03", Map.of("entity", entity)).getString("dsoCountback"));
    }

    @Test
    void countbackIsNullWithAReasonWhenHistoryRunsOut() {
        String entity = ArEvents.newEntity();
        ArEvents.send(invoice(entity, "C-1", "A", "USD", "100.00", "2024-03-10", "2024-04-09"),
                creditNoteFor(entity));
        JsonPath month = Kpis.awaitField("/kpis/month/2024-03", Map.of("entity", entity), "creditSales", "40.00");
        assertEquals("100.00", month.getString("endingAR"));
        assertEquals(null, month.getString("dsoCountback"));
        assertEquals("history runs out before the ending AR is covered by credit sales",
                month.getString("undefined.dsoCountback"));
    }

    private static org.apache.kafka.clients.producer.ProducerRecord<String, byte[]> creditNoteFor(String entity) {
        // An unallocated credit lowers credit sales but no invoice, so AR stays above a month's sales.
        return ArEvents.creditNote(entity, "C-1", "CN-1", "USD", "60.00", "2024-03-12", null);
    }

    @Test
    void ceiOfTheGoldenQuarterUnderBothConventions() {
        String entity = ArEvents.newEntity();
        // Beginning AR 6,200; credit sales 10,890; ending AR 6,340, of which 3,590 current.
        ArEvents.send(invoice(entity, "C-1", "DEC", "USD", "6200.00", "2023-12-01", "2024-01-10"),
                invoice(entity, "C-1", "X", "USD", "7300.00", "2024-01-15", "2024-02-14"),
                invoice(entity, "C-1", "Y", "USD", "3590.00", "2024-03-20", "2024-04-19"));
        ArEvents.send(payment(entity, "C-1", "P-1", "USD", "10750.00", "2024-02-01", "0.00",
                allocation("DEC", "6200.00", "0.00", "0.00", "2024-02-01"),
                allocation("X", "4500.00", "50.00", "0.00", "2024-02-01")));
        Map<String, String> quarter = Map.of("entity", entity, "from", "2024-01-01", "to", "2024-03-31",
                "ceiSales", "monthly-average");
        JsonPath monthlyAverage = Kpis.awaitField("/kpis/period", quarter, "endingAR", "6340.00");
        assertEquals("6200.00", monthlyAverage.getString("beginningAR"));
        assertEquals("10890.00", monthlyAverage.getString("creditSales"));
        assertEquals("3590.00", monthlyAverage.getString("endingCurrentAR"));
        assertEquals("55.93", monthlyAverage.getString("cei"));
        assertEquals("monthly-average", monthlyAverage.getString("conventions.ceiSales"));
        assertEquals("79.63", Kpis.get("/kpis/period",
                Map.of("entity", entity, "from", "2024-01-01", "to", "2024-03-31")).getString("cei"));
    }
}
