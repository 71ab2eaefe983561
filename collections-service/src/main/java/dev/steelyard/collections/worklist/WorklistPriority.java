package dev.steelyard.collections.worklist;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The documented ranking of the worklist:
 * {@code priority = overdueAmount × (1 + daysPastDue / 30) × riskWeight × (1 + 0.5 × brokenPromises)},
 * risk weights A 0.6, B 0.8, C or unknown 1.0, D 1.3, E 1.6; rounded half-up to 2 decimals.
 * Money owed longer, by riskier customers who broke their word, comes first.
 */
public final class WorklistPriority {

    private WorklistPriority() {
    }

    public static BigDecimal of(BigDecimal overdueAmount, int daysPastDue, String riskClass, long brokenPromises) {
        BigDecimal age = BigDecimal.ONE.add(BigDecimal.valueOf(Math.max(0, daysPastDue))
                .divide(BigDecimal.valueOf(30), 10, RoundingMode.HALF_UP));
        BigDecimal broken = BigDecimal.ONE.add(new BigDecimal("0.5").multiply(BigDecimal.valueOf(brokenPromises)));
        return overdueAmount.multiply(age).multiply(riskWeight(riskClass)).multiply(broken)
                .setScale(2, RoundingMode.HALF_UP);
    }

    static BigDecimal riskWeight(String riskClass) {
        return new BigDecimal(switch (riskClass == null ? "C" : riskClass) {
            case "A" -> "0.6";
            case "B" -> "0.8";
            case "D" -> "1.3";
            case "E" -> "1.6";
            default -> "1.0";
        });
    }
}
