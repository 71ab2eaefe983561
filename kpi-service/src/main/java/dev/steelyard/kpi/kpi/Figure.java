package dev.steelyard.kpi.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** An exact KPI value, or none with the reason it is undefined (never a zero in its place). */
public record Figure(BigDecimal value, String reason) {

    public static Figure of(BigDecimal value) {
        return new Figure(value, null);
    }

    public static Figure undefined(String reason) {
        return new Figure(null, reason);
    }

    public boolean defined() {
        return value != null;
    }

    /** Days and CEI are reported to 2 decimals, rounded half-even. */
    public String reported() {
        return value == null ? null : value.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }
}
