package dev.steelyard.credit.score;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Maps amount-weighted days beyond terms to a 1-100 scale in the manner of D&B's PAYDEX:
 * 100 anticipates (30 days early), 80 prompt, 70 about 15 days beyond terms, 50 about 30,
 * 30 about 90, 20 about 120, falling to 1 at 180. Linear between anchors.
 */
public final class PaydexScale {

    /** (days beyond terms, score) pairs, ascending by days. */
    private static final double[][] ANCHORS = {
            { -30, 100 }, { 0, 80 }, { 15, 70 }, { 30, 50 }, { 90, 30 }, { 120, 20 }, { 180, 1 } };

    private PaydexScale() {
    }

    public static int score(BigDecimal daysBeyondTerms) {
        double days = daysBeyondTerms.doubleValue();
        if (days <= ANCHORS[0][0]) {
            return (int) ANCHORS[0][1];
        }
        for (int i = 1; i < ANCHORS.length; i++) {
            if (days <= ANCHORS[i][0]) {
                double[] from = ANCHORS[i - 1];
                double[] to = ANCHORS[i];
                double score = from[1] + (days - from[0]) * (to[1] - from[1]) / (to[0] - from[0]);
                return BigDecimal.valueOf(score).setScale(0, RoundingMode.HALF_UP).intValue();
            }
        }
        return (int) ANCHORS[ANCHORS.length - 1][1];
    }
}
