package dev.steelyard.kpi.receivables;

import static dev.steelyard.kpi.ArEvents.allocation;
import static dev.steelyard.kpi.ArEvents.cancellation;
import static dev.steelyard.kpi.ArEvents.creditNote;
import static dev.steelyard.kpi.ArEvents.invoice;
import static dev.steelyard.kpi.ArEvents.payment;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import dev.steelyard.chassis.testing.SteelyardTestResource;
import dev.steelyard.kpi.ArEvents;
import dev.steelyard.kpi.Kpis;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Every event type moves the figures by its business date, once, in any order. */
@QuarkusTest
@WithTestResource(SteelyardTestResource.class)
class ProjectionsTest {

    private static Map<String, String> entity(String entity) {
        return Map.of("entity", entity);
    }

    @Test
    void creditNoteAgainstAnInvoiceIsCountedOnceInArAndSales() {
        String entity = ArEvents.newEntity();
        ProducerRecord<String, byte[]> note = creditNote(entity, "C-1", "CN-1", "USD", "200.00", "2024-01-20", "A-1");
        ArEvents.send(invoice(entity, "C-1", "A-1", "USD", "1000.00", "2024-01-10", "2024-02-09"), note, note,
                invoice(entity, "C-1", "A-2", "USD", "0.01", "2024-01-10", "2024-02-09"));
        JsonPath month = Kpis.awaitField("/kpis/month/2024-01", entity(entity), "creditSales", "800.01");
        assertEquals("800.01", month.getString("endingAR"));
        assertEquals("0.00", month.getString("unallocatedCredit"));
    }

    @Test
    void unallocatedCreditNoteLowersSalesNotArAndIsReportedBesideAr() {
        String entity = ArEvents.newEntity();
        ArEvents.send(invoice(entity, "C-1", "A-1", "USD", "1000.00", "2024-01-10", "2024-02-09"),
                creditNote(entity, "C-1", "CN-9", "USD", "150.00", "2024-01-25", null));
        JsonPath month = Kpis.awaitField("/kpis/month/2024-01", entity(entity), "creditSales", "850.00");
        assertEquals("1000.00", month.getString("endingAR"));
        assertEquals("150.00", month.getString("unallocatedCredit"));
    }

    @Test
    void cancelledInvoiceLeavesArAndSalesOnItsCancellationDate() {
        String entity = ArEvents.newEntity();
        ArEvents.send(invoice(entity, "C-1", "A-1", "USD", "300.00", "2024-01-10", "2024-02-09"),
                cancellation(entity, "C-1", "A-1", "USD", "300.00", "2024-02-05"));
        JsonPath february = Kpis.awaitField("/kpis/month/2024-02", entity(entity), "endingAR", "0.00");
        assertEquals("300.00", february.getString("beginningAR"));
        assertEquals("-300.00", february.getString("creditSales"));
        assertEquals("300.00", Kpis.month("2024-01", entity(entity)).getString("endingAR"));
    }

    @Test
    void paymentArrivingBeforeItsInvoiceEndsInTheSameFigures() {
        String entity = ArEvents.newEntity();
        ArEvents.send(payment(entity, "C-1", "P-1", "USD", "400.00", "2024-01-20", "0.00",
                allocation("A-1", "390.00", "10.00", "0.00", "2024-01-20")));
        JsonPath early = Kpis.awaitField("/kpis/aging", Map.of("entity", entity, "asOf", "2024-01-31"),
                "buckets.awaitingInvoice", "-400.00");
        assertEquals("-400.00", early.getString("openAR"));
        ArEvents.send(invoice(entity, "C-1", "A-1", "USD", "1000.00", "2024-01-05", "2024-01-25"));
        JsonPath month = Kpis.awaitField("/kpis/month/2024-01", entity(entity), "endingAR", "600.00");
        assertEquals("1000.00", month.getString("creditSales"));
        assertEquals("0.00", month.getString("endingCurrentAR"));
        assertEquals("600.00", month.getString("aging.1-30"));
        assertEquals("0.00", month.getString("aging.awaitingInvoice"));
    }

    @Test
    void paymentDatedInAnEarlierMonthArrivingLateChangesThatMonthAndKnownAtReproducesTheReportedFigure() {
        String entity = ArEvents.newEntity();
        ArEvents.send(invoice(entity, "C-1", "A-1", "USD", "1000.00", "2024-01-10", "2024-01-20"));
        Kpis.awaitField("/kpis/month/2024-01", entity(entity), "endingAR", "1000.00");
        String reportedAt = Instant.now().toString();
        ArEvents.send(payment(entity, "C-1", "P-1", "USD", "600.00", "2024-01-28", "0.00",
                allocation("A-1", "600.00", "0.00", "0.00", "2024-01-28")));
        JsonPath now = Kpis.awaitField("/kpis/month/2024-01", entity(entity), "endingAR", "400.00");
        assertEquals("60.00", now.getString("cei"));
        JsonPath asReported = Kpis.month("2024-01", Map.of("entity", entity, "knownAt", reportedAt));
        assertEquals("1000.00", asReported.getString("endingAR"));
        assertEquals("0.00", asReported.getString("cei"));
        assertEquals(reportedAt, asReported.getString("knownAt"));
        assertEquals("1000.00", Kpis.get("/kpis/aging",
                Map.of("entity", entity, "asOf", "2024-01-31", "knownAt", reportedAt)).getString("buckets.1-30"));
    }

    @Test
    void sameEventDeliveredTwiceCountsOnce() {
        String entity = ArEvents.newEntity();
        ProducerRecord<String, byte[]> pay = payment(entity, "C-1", "P-1", "USD", "100.00", "2024-01-15", "0.00",
                allocation("A-1", "100.00", "0.00", "0.00", "2024-01-15"));
        ArEvents.send(invoice(entity, "C-1", "A-1", "USD", "500.00", "2024-01-10", "2024-02-09"));
        ArEvents.send(pay, pay, payment(entity, "C-1", "P-2", "USD", "0.01", "2024-01-16", "0.00",
                allocation("A-1", "0.01", "0.00", "0.00", "2024-01-16")));
        JsonPath month = Kpis.awaitField("/kpis/month/2024-01", entity(entity), "endingAR", "399.99");
        assertEquals("500.00", month.getString("creditSales"));
    }

    @Test
    void unappliedCashIsReportedBesideArUntilAppliedAndReversalsAddBack() {
        String entity = ArEvents.newEntity();
        ArEvents.send(invoice(entity, "C-1", "A-1", "USD", "500.00", "2024-01-10", "2024-02-09"));
        ArEvents.send(payment(entity, "C-1", "P-1", "USD", "700.00", "2024-01-15", "700.00"));
        JsonPath january = Kpis.awaitField("/kpis/month/2024-01", entity(entity), "unappliedCash", "700.00");
        assertEquals("500.00", january.getString("endingAR"));
        ArEvents.send(ArEvents.unappliedCashApplied(entity, "C-1", "P-1", "USD", "200.00",
                allocation("A-1", "500.00", "0.00", "0.00", "2024-02-03")));
        JsonPath february = Kpis.awaitField("/kpis/month/2024-02", entity(entity), "endingAR", "0.00");
        assertEquals("200.00", february.getString("unappliedCash"));
        ArEvents.send(ArEvents.reversal(entity, "C-1", "P-1", "USD", "700.00", "2024-03-01", "200.00",
                allocation("A-1", "500.00", "0.00", "0.00", "2024-02-03")));
        JsonPath march = Kpis.awaitField("/kpis/month/2024-03", entity(entity), "endingAR", "500.00");
        assertEquals("0.00", march.getString("unappliedCash"));
        assertEquals("0.00", Kpis.month("2024-02", entity(entity)).getString("endingAR"));
    }

    @Test
    void customerScopeCountsOnlyThatCustomer() {
        String entity = ArEvents.newEntity();
        ArEvents.send(invoice(entity, "C-1", "A-1", "USD", "100.00", "2024-01-10", "2024-02-09"),
                invoice(entity, "C-2", "B-1", "USD", "250.00", "2024-01-10", "2024-02-09"));
        Kpis.awaitField("/kpis/month/2024-01", entity(entity), "endingAR", "350.00");
        assertEquals("250.00", Kpis.month("2024-01", Map.of("entity", entity, "customer", "C-2"))
                .getString("endingAR"));
    }
}
