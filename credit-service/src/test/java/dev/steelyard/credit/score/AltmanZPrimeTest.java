package dev.steelyard.credit.score;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** Golden examples computed by hand, one per zone. */
class AltmanZPrimeTest {

    private static AltmanZPrime z(String ca, String cl, String ta, String tl, String re, String ebit, String be,
            String sales) {
        return AltmanZPrime.of(new BigDecimal(ca), new BigDecimal(cl), new BigDecimal(ta), new BigDecimal(tl),
                new BigDecimal(re), new BigDecimal(ebit), new BigDecimal(be), new BigDecimal(sales));
    }

    @Test
    void safeZoneAbove290() {
        // X1 0.30, X2 0.30, X3 0.15, X4 1.50, X5 1.50:
        // 0.2151 + 0.2541 + 0.46605 + 0.630 + 1.497 = 3.06225
        AltmanZPrime z = z("500", "200", "1000", "400", "300", "150", "600", "1500");
        assertEquals("3.06", z.z().toPlainString());
        assertEquals(AltmanZPrime.Zone.SAFE, z.zone());
        assertEquals("0.3000 0.3000 0.1500 1.5000 1.5000",
                z.x1() + " " + z.x2() + " " + z.x3() + " " + z.x4() + " " + z.x5());
        assertEquals(73, z.strength());
    }

    @Test
    void greyZoneBetween123And290() {
        // X1 0.05, X2 0.10, X3 0.05, X4 0.6667, X5 1.20:
        // 0.03585 + 0.0847 + 0.15535 + 0.28 + 1.1976 = 1.7535
        AltmanZPrime z = z("300", "250", "1000", "600", "100", "50", "400", "1200");
        assertEquals("1.75", z.z().toPlainString());
        assertEquals(AltmanZPrime.Zone.GREY, z.zone());
        assertEquals(49, z.strength());
    }

    @Test
    void distressZoneBelow123() {
        // X1 -0.10, X2 -0.05, X3 0.01, X4 0.1111, X5 0.80:
        // -0.0717 - 0.04235 + 0.03107 + 0.046667 + 0.7984 = 0.762087
        AltmanZPrime z = z("200", "300", "1000", "900", "-50", "10", "100", "800");
        assertEquals("0.76", z.z().toPlainString());
        assertEquals(AltmanZPrime.Zone.DISTRESS, z.zone());
        assertEquals(25, z.strength());
    }

    @Test
    void zoneBoundariesBelongToTheGreyZone() {
        // X5 alone: sales / total assets of 2.9058... gives 2.90; of 1.2325 gives 1.23.
        assertEquals(AltmanZPrime.Zone.GREY, z("0", "0", "1000", "1", "0", "0", "0", "2906").zone());
        assertEquals("2.90", z("0", "0", "1000", "1", "0", "0", "0", "2906").z().toPlainString());
        assertEquals(AltmanZPrime.Zone.GREY, z("0", "0", "1000", "1", "0", "0", "0", "1232.5").zone());
        assertEquals("1.23", z("0", "0", "1000", "1", "0", "0", "0", "1232.5").z().toPlainString());
    }
}
