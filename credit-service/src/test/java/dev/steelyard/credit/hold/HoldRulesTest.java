package dev.steelyard.credit.hold;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.steelyard.credit.score.RiskClass;

class HoldRulesTest {

    private static List<String> causes(String limit, String exposure, Long daysPastDue, RiskClass riskClass) {
        return HoldRules.causes(new HoldRules.Situation("EUR", limit == null ? null : new BigDecimal(limit),
                new BigDecimal(exposure), daysPastDue, 60, false, null, riskClass, false, null))
                .stream().map(HoldCause::words).toList();
    }

    @Test
    void riskClassEHoldsCredit() {
        assertEquals(List.of("risk class E"), causes("5000.00", "0.00", null, RiskClass.E));
    }

    @Test
    void everyCauseThatHoldsIsNamed() {
        assertEquals(List.of("exposure 5,000.01 exceeds limit 5,000.00 by 0.01",
                "oldest past-due invoice is 61 days past due, more than 60", "risk class E"),
                causes("5000.00", "5000.01", 61L, RiskClass.E));
    }

    @Test
    void exposureAtTheLimitAndPastDueAtTheThresholdDoNotHold() {
        assertEquals(List.of(), causes("5000.00", "5000.00", 60L, RiskClass.D));
    }

    @Test
    void withoutALimitExposureNeverHolds() {
        assertEquals(List.of(), causes(null, "1000000.00", null, RiskClass.A));
    }
}
