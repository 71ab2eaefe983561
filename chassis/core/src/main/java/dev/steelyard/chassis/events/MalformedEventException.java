package dev.steelyard.chassis.events;

/** An event that can never be processed as it is: it goes to the dead-letter topic with this message as reason. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String reason) {
        super(reason);
    }

    public MalformedEventException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
