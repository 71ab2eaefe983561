package dev.steelyard.credit.score;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/**
 * The payment behaviour factors of one customer as of a date: PAYDEX-style score of the last
 * 24 months, trend (last 3 months against the 9 before), broken promises and open disputes.
 * Points are on the 0-100 scale, before weighting.
 */
public record PaymentBehaviour(BigDecimal averageDaysBeyondTerms, Integer paydex, BigDecimal recentDays,
        BigDecimal earlierDays, int trendPoints, int brokenPromises, int promisePoints, int openDisputes,
        int disputePoints) {

    static final int POINTS_PER_BROKEN_PROMISE = 5;
    static final int MAX_PROMISE_PENALTY = 20;
    static final int POINTS_PER_OPEN_DISPUTE = 3;
    static final int MAX_DISPUTE_PENALTY = 15;

    /**
     * @param payments       settlements with value dates up to asOf
     * @param brokenPromises promises to pay broken in the last 12 months
     * @param openDisputes   disputes not yet resolved
     */
    public static PaymentBehaviour of(List<PaymentRecord> payments, int brokenPromises, int openDisputes,
            LocalDate asOf) {
        BigDecimal average = weightedDays(payments, asOf.minusMonths(24), asOf);
        BigDecimal recent = weightedDays(payments, asOf.minusMonths(3), asOf);
        BigDecimal earlier = weightedDays(payments, asOf.minusMonths(12), asOf.minusMonths(3));
        int trend = 0;
        if (recent != null && earlier != null) {
            // Ten days slower costs five points (at most ten); faster earns up to five.
            double change = recent.subtract(earlier).doubleValue();
            trend = (int) Math.max(-10, Math.min(5, Math.round(-change / 2)));
        }
        int promisePoints = -Math.min(MAX_PROMISE_PENALTY, brokenPromises * POINTS_PER_BROKEN_PROMISE);
        int disputePoints = -Math.min(MAX_DISPUTE_PENALTY, openDisputes * POINTS_PER_OPEN_DISPUTE);
        return new PaymentBehaviour(average, average == null ? null : PaydexScale.score(average), recent, earlier,
                trend, brokenPromises, promisePoints, openDisputes, disputePoints);
    }

    /** Amount-weighted days beyond terms of payments valued in (from, to], to one decimal; null when none. */
    static BigDecimal weightedDays(List<PaymentRecord> payments, LocalDate from, LocalDate to) {
        BigDecimal weighted = BigDecimal.ZERO;
        BigDecimal total = BigDecimal.ZERO;
        for (PaymentRecord payment : payments) {
            if (payment.valueDate().isAfter(from) && !payment.valueDate().isAfter(to) && payment.amount().signum() > 0) {
                weighted = weighted.add(payment.amount().multiply(BigDecimal.valueOf(payment.daysBeyondTerms())));
                total = total.add(payment.amount());
            }
        }
        return total.signum() == 0 ? null : weighted.divide(total, 1, RoundingMode.HALF_UP);
    }
}
