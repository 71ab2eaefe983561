package dev.steelyard.credit.hold;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import dev.steelyard.credit.exposure.Figures;
import dev.steelyard.credit.score.RiskClass;

/**
 * Decides the holds from the account's state: every cause that holds now, in words. A hold is
 * released automatically as soon as its cause no longer holds.
 */
public final class HoldRules {

    private HoldRules() {
    }

    /** What the rules look at. */
    public record Situation(String currency, BigDecimal limit, BigDecimal exposure, Long oldestDaysPastDue,
            int pastDueHoldDays, boolean collectionsHold, String collectionsReason, RiskClass riskClass,
            boolean manualHold, String manualReason) {
    }

    public static List<HoldCause> causes(Situation s) {
        List<HoldCause> causes = new ArrayList<>();
        if (s.limit() != null && s.exposure().compareTo(s.limit()) > 0) {
            causes.add(new HoldCause(HoldCause.Code.EXPOSURE_OVER_LIMIT,
                    "exposure " + Figures.words(s.exposure(), s.currency()) + " exceeds limit "
                            + Figures.words(s.limit(), s.currency()) + " by "
                            + Figures.words(s.exposure().subtract(s.limit()), s.currency())));
        }
        if (s.oldestDaysPastDue() != null && s.oldestDaysPastDue() > s.pastDueHoldDays()) {
            causes.add(new HoldCause(HoldCause.Code.PAST_DUE, "oldest past-due invoice is " + s.oldestDaysPastDue()
                    + " days past due, more than " + s.pastDueHoldDays()));
        }
        if (s.collectionsHold()) {
            causes.add(new HoldCause(HoldCause.Code.COLLECTIONS, s.collectionsReason()));
        }
        if (s.riskClass() == RiskClass.E) {
            causes.add(new HoldCause(HoldCause.Code.RISK_CLASS_E, "risk class E"));
        }
        if (s.manualHold()) {
            causes.add(new HoldCause(HoldCause.Code.MANUAL, "held by a credit manager: " + s.manualReason()));
        }
        return causes;
    }
}
