package dev.steelyard.chassis.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

/**
 * Parses query parameters taken as text, so a bad value is a 400 naming the parameter rather
 * than the 404 JAX-RS gives when it cannot convert one.
 */
public final class QueryParameters {

    private QueryParameters() {
    }

    public static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(name, "format", "'" + value + "' is not a date (YYYY-MM-DD)");
        }
    }

    public static <E extends Enum<E>> E oneOf(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(name, "one-of",
                    "'" + value + "' is not one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
