package dev.steelyard.chassis.web;

/** A request that contradicts what is already recorded (a conflicting replay, a forbidden transition): 409. */
public class ConflictException extends RuntimeException {

    private final String field;

    public ConflictException(String detail) {
        this(detail, null);
    }

    public ConflictException(String detail, String field) {
        super(detail);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
