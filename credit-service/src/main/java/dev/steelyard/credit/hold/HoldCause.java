package dev.steelyard.credit.hold;

/** Why credit is held: the code CreditChanged publishes and the words a credit manager reads. */
public record HoldCause(Code code, String words) {

    /** The causes of a hold; each clears on its own. */
    public enum Code {
        EXPOSURE_OVER_LIMIT, PAST_DUE, COLLECTIONS, RISK_CLASS_E, MANUAL
    }
}
