package dev.steelyard.kpi.kpi;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.TreeSet;

import dev.steelyard.chassis.money.Money;
import dev.steelyard.chassis.security.EntityScope;
import dev.steelyard.chassis.web.InvalidInputException;
import dev.steelyard.kpi.receivables.Scope;
import jakarta.ws.rs.core.UriInfo;

/** Reads and checks a KPI request's query parameters; a wrong one is a 400 naming it. */
public final class KpiParameters {

    public static final Set<String> SCOPE = Set.of("entity", "customer", "currency", "reportingCurrency", "knownAt");

    private final UriInfo uri;

    private KpiParameters(UriInfo uri) {
        this.uri = uri;
    }

    /** Refuses parameters the endpoint does not know, so a misspelt one is not silently ignored. */
    public static KpiParameters of(UriInfo uri, Set<String> allowed) {
        Set<String> unknown = new TreeSet<>(uri.getQueryParameters().keySet());
        unknown.removeAll(allowed);
        if (!unknown.isEmpty()) {
            String name = unknown.iterator().next();
            throw new InvalidInputException(name, "known-parameter",
                    "is not a parameter of this request; known are " + new TreeSet<>(allowed));
        }
        return new KpiParameters(uri);
    }

    public static Set<String> with(Set<String> base, String... more) {
        Set<String> all = new TreeSet<>(base);
        all.addAll(Set.of(more));
        return all;
    }

    public String text(String name) {
        String value = uri.getQueryParameters().getFirst(name);
        return value == null || value.isBlank() ? null : value;
    }

    public Scope scope(EntityScope entityScope) {
        String entity = text("entity");
        if (entity != null) {
            entityScope.requireVisible(entity, "legal entity " + entity);
        }
        return new Scope(entity, text("customer"), currency("currency"), entityScope.restriction().orElse(null),
                knownAt());
    }

    public String currency(String name) {
        String code = text(name);
        if (code == null) {
            return null;
        }
        try {
            return Money.currency(code).getCurrencyCode();
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(name, "currency", e.getMessage());
        }
    }

    public Instant knownAt() {
        String value = text("knownAt");
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("knownAt", "format",
                    "'" + value + "' is not a timestamp with offset (e.g. 2026-01-31T18:00:00Z)");
        }
    }

    public LocalDate date(String name, boolean required) {
        String value = text(name);
        if (value == null) {
            if (required) {
                throw new InvalidInputException(name, "required", "is required (YYYY-MM-DD)");
            }
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(name, "format", "'" + value + "' is not a date (YYYY-MM-DD)");
        }
    }

    public static YearMonth month(String value) {
        try {
            if (value == null || !value.matches("\\d{4}-\\d{2}")) {
                throw new DateTimeParseException("not yyyy-MM", String.valueOf(value), 0);
            }
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("month", "format", "'" + value + "' is not a month (yyyy-MM)");
        }
    }

    public Conventions conventions() {
        return Conventions.parse(text("ceiSales"), text("countbackMonth"));
    }

    /** A period's days must run forwards. */
    public static void requireOrdered(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new InvalidInputException("to", "after-from", "must not be before from");
        }
    }
}
