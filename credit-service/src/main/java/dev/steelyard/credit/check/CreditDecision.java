package dev.steelyard.credit.check;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import dev.steelyard.credit.exposure.Figures;

/**
 * Decides a prospective order against the customer's materialized credit: refused when held or
 * over the limit, review when there is no limit, another currency or risk class D, else approved.
 */
public final class CreditDecision {

    /** The answer to a check. */
    public enum Decision {
        APPROVED, REFUSED, REVIEW
    }

    /** The account as the check sees it; exposure already excludes this order if it was reported before. */
    public record Credit(String currency, BigDecimal limit, BigDecimal exposure, String riskClass, boolean hold,
            List<String> holdReasons) {
    }

    public record Outcome(Decision decision, List<String> reasons) {
    }

    private CreditDecision() {
    }

    public static Outcome decide(Credit credit, BigDecimal orderAmount, String orderCurrency) {
        List<String> refusals = new ArrayList<>();
        List<String> reviews = new ArrayList<>();
        List<String> figures = new ArrayList<>();
        if (credit.hold()) {
            credit.holdReasons().forEach(reason -> refusals.add("credit is on hold: " + reason));
        }
        if (credit.limit() == null) {
            reviews.add("no credit limit is set");
        } else if (!credit.currency().equals(orderCurrency)) {
            reviews.add("order in " + orderCurrency + " but the credit limit is in " + credit.currency());
        } else {
            String c = credit.currency();
            BigDecimal after = credit.exposure().add(orderAmount);
            String sum = "exposure " + Figures.words(credit.exposure(), c) + " + order " + Figures.words(orderAmount, c);
            if (after.compareTo(credit.limit()) > 0) {
                refusals.add(sum + " exceeds limit " + Figures.words(credit.limit(), c) + " by "
                        + Figures.words(after.subtract(credit.limit()), c));
            } else {
                figures.add(sum + " is within limit " + Figures.words(credit.limit(), c) + ", leaving "
                        + Figures.words(credit.limit().subtract(after), c));
            }
        }
        if ("D".equals(credit.riskClass())) {
            reviews.add("risk class D needs a credit manager's review");
        }
        if (!refusals.isEmpty()) {
            return new Outcome(Decision.REFUSED, refusals);
        }
        if (!reviews.isEmpty()) {
            figures.addAll(reviews);
            return new Outcome(Decision.REVIEW, figures);
        }
        return new Outcome(Decision.APPROVED, figures);
    }
}
