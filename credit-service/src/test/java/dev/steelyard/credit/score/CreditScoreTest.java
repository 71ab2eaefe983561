package dev.steelyard.credit.score;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class CreditScoreTest {

    private static final LocalDate AS_OF = LocalDate.parse("2025-06-30");

    /** 1,000.00 paid 10 days late last month, 3,000.00 on time in January: 2.5 days on average. */
    private static PaymentBehaviour slowerLately(int brokenPromises) {
        return PaymentBehaviour.of(List.of(
                new PaymentRecord(new BigDecimal("1000.00"), LocalDate.parse("2025-06-10"), LocalDate.parse("2025-05-31")),
                new PaymentRecord(new BigDecimal("3000.00"), LocalDate.parse("2025-01-15"), LocalDate.parse("2025-01-15"))),
                brokenPromises, 0, AS_OF);
    }

    @Test
    void paymentBehaviourWeighsDaysByAmountAndComparesTheLastThreeMonths() {
        PaymentBehaviour behaviour = slowerLately(1);
        assertEquals("2.5", behaviour.averageDaysBeyondTerms().toPlainString());
        assertEquals(78, behaviour.paydex());
        assertEquals("10.0 0.0", behaviour.recentDays() + " " + behaviour.earlierDays());
        assertEquals(-5, behaviour.trendPoints());
        assertEquals(-5, behaviour.promisePoints());
    }

    @Test
    void withoutStatementsPaymentBehaviourIsTheWholeScore() {
        CreditScore score = CreditScore.of(slowerLately(1), null);
        // 50 + 28.0 (PAYDEX 78) - 5.0 (trend) - 5.0 (one broken promise) = 68
        assertEquals(68, score.score());
        assertEquals(RiskClass.B, score.riskClass());
        assertEquals(List.of(
                "payment days beyond terms +28.0: pays on average 2.5 days beyond terms over 24 months, PAYDEX-style 78",
                "payment trend -5.0: last 3 months 10.0 days beyond terms against 0.0 in the 9 before",
                "broken promises -5.0: 1 promise(s) to pay broken in the last 12 months"),
                score.topFactors().stream().map(CreditScore.Factor::words).toList());
    }

    @Test
    void statementsWeighFortyPercent() {
        AltmanZPrime safe = AltmanZPrime.of(new BigDecimal("500"), new BigDecimal("200"), new BigDecimal("1000"),
                new BigDecimal("400"), new BigDecimal("300"), new BigDecimal("150"), new BigDecimal("600"),
                new BigDecimal("1500"));
        CreditScore score = CreditScore.of(slowerLately(1), safe);
        // 50 + 0.6 x 28 - 0.6 x 5 - 0.6 x 5 + 0.4 x (73 - 50) = 50 + 16.8 - 3.0 - 3.0 + 9.2 = 70
        assertEquals(70, score.score());
        assertEquals(List.of("payment days beyond terms", "financial strength", "payment trend"),
                score.topFactors().stream().map(CreditScore.Factor::name).toList());
    }

    @Test
    void aCustomerWithoutHistoryStartsInTheMiddle() {
        CreditScore score = CreditScore.of(PaymentBehaviour.of(List.of(), 0, 0, AS_OF), null);
        assertEquals(50, score.score());
        assertEquals(RiskClass.C, score.riskClass());
        assertEquals(List.of(), score.topFactors());
    }

    @Test
    void recommendedLimitIsTwoMonthsOfSalesOrATenthOfEquityByClass() {
        // 120,000.00 a year: two months 20,000.00, class B 80 % = 16,000
        assertEquals("16000", RecommendedLimit.of(new BigDecimal("120000.00"), null, RiskClass.B).toPlainString());
        // a tenth of 500,000.00 equity = 50,000.00 beats two months; class C 60 % = 30,000
        assertEquals("30000", RecommendedLimit.of(new BigDecimal("120000.00"), new BigDecimal("500000.00"),
                RiskClass.C).toPlainString());
        assertEquals("0", RecommendedLimit.of(new BigDecimal("120000.00"), null, RiskClass.E).toPlainString());
    }
}
