package dev.steelyard.credit.score;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class PaydexScaleTest {

    private static int score(String days) {
        return PaydexScale.score(new BigDecimal(days));
    }

    @Test
    void anchorPointsMapAsPaydexDoes() {
        assertEquals(100, score("-30"));
        assertEquals(80, score("0"));
        assertEquals(70, score("15"));
        assertEquals(50, score("30"));
        assertEquals(30, score("90"));
        assertEquals(20, score("120"));
    }

    @Test
    void betweenAnchorsTheScaleIsLinear() {
        assertEquals(90, score("-15"));
        assertEquals(75, score("7.5"));
        assertEquals(60, score("22.5"));
        assertEquals(40, score("60"));
        assertEquals(78, score("2.5"));
    }

    @Test
    void theScaleStopsAt100AndAt1() {
        assertEquals(100, score("-45"));
        assertEquals(1, score("180"));
        assertEquals(1, score("365"));
    }
}
