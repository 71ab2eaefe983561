package dev.steelyard.credit.exposure;

import java.time.LocalDate;
import java.util.List;

/** A customer's credit as the API shows it; amounts are decimal strings in the account's currency. */
public record CreditView(String legalEntity, String customerId, String currency, String limit, String exposure,
        String openAR, String openOrders, String unappliedCash, String available, int score, String riskClass,
        String recommendedLimit, boolean hold, List<String> reasons, List<String> holdCauses,
        List<String> scoreReasons, LocalDate nextReviewDate) {

    public static CreditView of(CreditAccount account) {
        String currency = account.currency;
        return new CreditView(account.legalEntity, account.customerId, currency,
                Figures.plain(account.creditLimit, currency), Figures.plain(account.exposure, currency),
                Figures.plain(account.openAR, currency), Figures.plain(account.openOrders, currency),
                Figures.plain(account.unappliedCash, currency),
                account.creditLimit == null ? null : Figures.plain(account.creditLimit.subtract(account.exposure), currency),
                account.score, account.riskClass, Figures.plain(account.recommendedLimit, currency), account.hold,
                account.holdReasonList(), account.holdCauseList(), account.scoreReasonList(), account.nextReviewDate);
    }
}
