package dev.steelyard.credit.score;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The combined score 0-100: 50 (no information) plus each factor's weighted points. Payment
 * behaviour weighs 60 % and financial strength 40 % when statements exist; payment behaviour
 * alone weighs 100 % otherwise.
 */
public record CreditScore(int score, RiskClass riskClass, List<Factor> factors) {

    static final double PAYMENT_WEIGHT_WITH_FINANCIALS = 0.6;
    static final double FINANCIAL_WEIGHT = 0.4;
    static final int NEUTRAL = 50;

    /** One factor: its weighted contribution to the score and why. */
    public record Factor(String name, BigDecimal contribution, String reason) {

        public String words() {
            String sign = contribution.signum() >= 0 ? "+" : "";
            return name + " " + sign + contribution.toPlainString() + ": " + reason;
        }
    }

    public static CreditScore of(PaymentBehaviour payment, AltmanZPrime financials) {
        double paymentWeight = financials == null ? 1.0 : PAYMENT_WEIGHT_WITH_FINANCIALS;
        List<Factor> factors = new ArrayList<>();
        if (payment.paydex() == null) {
            factors.add(factor("payment days beyond terms", 0, 0, "no payments in the last 24 months"));
        } else {
            factors.add(factor("payment days beyond terms", paymentWeight, payment.paydex() - NEUTRAL,
                    "pays on average " + payment.averageDaysBeyondTerms().toPlainString()
                            + " days beyond terms over 24 months, PAYDEX-style " + payment.paydex()));
        }
        if (payment.recentDays() != null && payment.earlierDays() != null) {
            factors.add(factor("payment trend", paymentWeight, payment.trendPoints(),
                    "last 3 months " + payment.recentDays().toPlainString() + " days beyond terms against "
                            + payment.earlierDays().toPlainString() + " in the 9 before"));
        }
        if (payment.brokenPromises() > 0) {
            factors.add(factor("broken promises", paymentWeight, payment.promisePoints(),
                    payment.brokenPromises() + " promise(s) to pay broken in the last 12 months"));
        }
        if (payment.openDisputes() > 0) {
            factors.add(factor("open disputes", paymentWeight, payment.disputePoints(),
                    payment.openDisputes() + " dispute(s) open"));
        }
        if (financials != null) {
            factors.add(factor("financial strength", FINANCIAL_WEIGHT, financials.strength() - NEUTRAL,
                    "Altman Z' " + financials.z().toPlainString() + ", " + financials.zone().words()));
        }
        BigDecimal total = BigDecimal.valueOf(NEUTRAL);
        for (Factor factor : factors) {
            total = total.add(factor.contribution());
        }
        int score = Math.max(0, Math.min(100, total.setScale(0, RoundingMode.HALF_UP).intValue()));
        return new CreditScore(score, RiskClass.of(score), factors);
    }

    /** The three factors that moved the score most from neutral, largest first. */
    public List<Factor> topFactors() {
        return factors.stream().filter(f -> f.contribution().signum() != 0)
                .sorted(Comparator.comparing((Factor f) -> f.contribution().abs()).reversed()).limit(3).toList();
    }

    private static Factor factor(String name, double weight, int points, String reason) {
        BigDecimal contribution = BigDecimal.valueOf(weight).multiply(BigDecimal.valueOf(points))
                .setScale(1, RoundingMode.HALF_UP);
        return new Factor(name, contribution, reason);
    }
}
