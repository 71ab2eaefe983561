package dev.steelyard.collections.events;

import java.time.LocalDate;

/** Data of {@code PromiseToPayRecorded.v1} and {@code PromiseBroken.v1}, which share their shape. */
public record PromiseEvent(String legalEntity, String customerId, String promiseId, String amount, String currency,
        LocalDate promisedDate) {
}
