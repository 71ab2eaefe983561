package dev.steelyard.kpi.receivables;

import java.time.Instant;
import java.util.Set;

/**
 * Whose receivables a query reads: the whole company, a legal entity or a customer, optionally one
 * currency, limited to the entities the caller may see, and as known at a point in time.
 *
 * @param visible the entities the caller may see; null when unrestricted
 * @param knownAt only events received by then count; null for everything received so far
 */
public record Scope(String entity, String customer, String currency, Set<String> visible, Instant knownAt) {

    public Scope withCurrency(String code) {
        return new Scope(entity, customer, code, visible, knownAt);
    }
}
