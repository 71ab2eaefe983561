package dev.steelyard.kpi.receivables;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.steelyard.kpi.receivables.OpenSpans.Entry;
import dev.steelyard.kpi.receivables.OpenSpans.Version;

class OpenSpansTest {

    private static final Instant ISSUED = Instant.parse("2025-01-10T08:00:00Z");
    private static final Instant PAID = Instant.parse("2025-02-12T09:30:00.5Z");

    private static Entry entry(Instant received, String day, String amount) {
        return new Entry(received, LocalDate.parse(day), new BigDecimal(amount));
    }

    private static Version version(Instant from, Instant until, String first, String closed) {
        return new Version(from, until, LocalDate.parse(first), closed == null ? null : LocalDate.parse(closed));
    }

    @Test
    void paidInvoiceWasOpenEndedUntilThePaymentArrived() {
        List<Version> versions = OpenSpans.versions(List.of(entry(PAID, "2025-02-09", "-100.00"),
                entry(ISSUED, "2025-01-10", "100.00")));
        assertEquals(List.of(version(ISSUED, PAID, "2025-01-10", null), version(PAID, null, "2025-01-10", "2025-02-09")),
                versions);
    }

    @Test
    void entriesReceivedAtOnceAreOneStateAndUnchangedSpansMerge() {
        Instant partly = Instant.parse("2025-01-20T10:00:00Z");
        List<Version> versions = OpenSpans.versions(List.of(entry(ISSUED, "2025-01-10", "100.00"),
                entry(partly, "2025-01-20", "-40.00"), entry(PAID, "2025-02-09", "-70.00"),
                entry(PAID, "2025-02-09", "10.00")));
        assertEquals(List.of(version(ISSUED, PAID, "2025-01-10", null), version(PAID, null, "2025-01-10", "2025-02-09")),
                versions);
    }

    @Test
    void paymentBeforeItsInvoiceOpensTheSpanOnTheValueDateUntilTheInvoiceSettlesIt() {
        List<Version> versions = OpenSpans.versions(List.of(entry(ISSUED, "2025-01-20", "-100.00"),
                entry(PAID, "2025-01-05", "100.00")));
        assertEquals(List.of(version(ISSUED, PAID, "2025-01-20", null), version(PAID, null, "2025-01-05", "2025-01-20")),
                versions);
    }

    @Test
    void paidOnItsIssueDateHasNoOpenDay() {
        List<Version> versions = OpenSpans.versions(List.of(entry(ISSUED, "2025-01-10", "100.00"),
                entry(ISSUED, "2025-01-10", "-100.00")));
        assertTrue(versions.get(0).isEmpty());
    }

    @Test
    void knownBoxCoversWholeSecondsAndTheLastOpenDay() {
        Version closed = version(ISSUED, PAID, "2025-01-10", "2025-02-09");
        assertArrayEquals(new double[] { ISSUED.getEpochSecond(), LocalDate.parse("2025-01-10").toEpochDay(),
                PAID.getEpochSecond() + 1, LocalDate.parse("2025-02-08").toEpochDay() }, closed.knownBox());
        assertArrayEquals(new double[] { ISSUED.getEpochSecond(), LocalDate.parse("2025-01-10").toEpochDay(), 1e11,
                1e7 }, version(ISSUED, null, "2025-01-10", null).knownBox());
    }
}
