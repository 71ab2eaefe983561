package dev.steelyard.credit.events;

import java.time.Instant;
import java.util.List;

import dev.steelyard.credit.exposure.CreditAccount;
import dev.steelyard.credit.exposure.Figures;

/**
 * Data of {@code CreditChanged.v1}: a customer's limit, exposure, score, risk class and hold
 * after a change to any of them. {@code holdReasons} are cause codes.
 */
public record CreditChanged(String legalEntity, String customerId, String currency, String limit, String exposure,
        int score, String riskClass, boolean hold, List<String> holdReasons, Instant changedAt) {

    public static CreditChanged of(CreditAccount account, Instant changedAt) {
        return new CreditChanged(account.legalEntity, account.customerId, account.currency,
                Figures.plain(account.creditLimit, account.currency), Figures.plain(account.exposure, account.currency),
                account.score, account.riskClass, account.hold, account.holdCauseList(), changedAt);
    }

    /** Everything but the timestamp: publishing only when this differs from what went out last. */
    public String state() {
        return String.join("|", String.valueOf(currency), String.valueOf(limit), exposure, String.valueOf(score),
                riskClass, String.valueOf(hold), String.join(",", holdReasons));
    }
}
