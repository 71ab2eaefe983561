package dev.steelyard.collections.events;

/** The topic collections-service publishes to, and the event types on it. */
public final class CollectionsTopic {

    public static final String NAME = "ar.collections";
    public static final String DUNNING_STEP_TAKEN = "DunningStepTaken.v1";
    public static final String DISPUTE_OPENED = "DisputeOpened.v1";
    public static final String DISPUTE_RESOLVED = "DisputeResolved.v1";
    public static final String PROMISE_TO_PAY_RECORDED = "PromiseToPayRecorded.v1";
    public static final String PROMISE_BROKEN = "PromiseBroken.v1";

    private CollectionsTopic() {
    }
}
