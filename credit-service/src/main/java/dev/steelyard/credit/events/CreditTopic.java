package dev.steelyard.credit.events;

/** The topic credit-service publishes to, and the event types on it. */
public final class CreditTopic {

    public static final String NAME = "ar.credit";
    public static final String CREDIT_CHANGED = "CreditChanged.v1";

    private CreditTopic() {
    }
}
