package dev.steelyard.credit.score;

import dev.steelyard.credit.config.CreditConfig;

/** Risk classes from the combined score: A (lowest risk) to E (credit is held). */
public enum RiskClass {
    A, B, C, D, E;

    public static RiskClass of(int score) {
        if (score >= 80) {
            return A;
        }
        if (score >= 65) {
            return B;
        }
        if (score >= 50) {
            return C;
        }
        if (score >= 35) {
            return D;
        }
        return E;
    }

    public int reviewDays(CreditConfig.ReviewCadence cadence) {
        return switch (this) {
            case A -> cadence.a();
            case B -> cadence.b();
            case C -> cadence.c();
            case D -> cadence.d();
            case E -> cadence.e();
        };
    }

    /** Share of the base amount the recommended limit grants to this class. */
    public double limitFactor() {
        return switch (this) {
            case A -> 1.0;
            case B -> 0.8;
            case C -> 0.6;
            case D -> 0.4;
            case E -> 0.0;
        };
    }
}
