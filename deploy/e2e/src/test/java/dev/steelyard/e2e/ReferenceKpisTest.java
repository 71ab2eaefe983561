package dev.steelyard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.steelyard.local.load.ReceivablesCsv;

/** The reference calculation itself reproduces the worked example of the definitions document. */
class ReferenceKpisTest {

    @Test
    void januaryTwentyTwelveMatchesTheWorkedExample() {
        ReferenceKpis reference = new ReferenceKpis(ReceivablesCsv.read(Path.of("../data/ibm-accounts-receivable.csv")));
        Map<String, String> january = reference.month(YearMonth.of(2012, 1));
        assertEquals("5658.82", january.get("creditSales"));
        assertEquals("4893.59", january.get("endingAR"));
        assertEquals("4893.59", january.get("endingCurrentAR"));
        assertEquals("26.81", january.get("dsoStandard"));
        assertEquals("26.81", january.get("bestPossibleDso"));
        assertEquals("0.00", january.get("averageDaysDelinquent"));
        assertEquals("100.00", january.get("cei"));
    }
}
