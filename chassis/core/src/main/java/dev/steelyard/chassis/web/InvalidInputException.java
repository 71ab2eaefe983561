package dev.steelyard.chassis.web;

import java.util.List;

/** Input that breaks a rule: answered 400 with the fields and rules named. */
public class InvalidInputException extends RuntimeException {

    private final List<Problem.Violation> violations;

    public InvalidInputException(String field, String rule, String message) {
        this(List.of(new Problem.Violation(field, rule, message)));
    }

    public InvalidInputException(List<Problem.Violation> violations) {
        super(violations.get(0).field() + ": " + violations.get(0).message());
        this.violations = List.copyOf(violations);
    }

    public List<Problem.Violation> violations() {
        return violations;
    }
}
