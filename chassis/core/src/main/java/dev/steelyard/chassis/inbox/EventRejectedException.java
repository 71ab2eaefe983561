package dev.steelyard.chassis.inbox;

/**
 * Thrown out of the consumer so that the messaging layer routes the record to the dead-letter
 * topic; the message is the reason recorded there.
 */
public class EventRejectedException extends RuntimeException {

    public EventRejectedException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
