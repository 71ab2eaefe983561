package dev.steelyard.payments.events;

/** The topic payments-service publishes to, and the event types on it. */
public final class PaymentsTopic {

    public static final String NAME = "ar.payments";
    public static final String PAYMENT_RECEIVED = "PaymentReceived.v1";
    public static final String UNAPPLIED_CASH_APPLIED = "UnappliedCashApplied.v1";
    public static final String PAYMENT_REVERSED = "PaymentReversed.v1";

    private PaymentsTopic() {
    }
}
