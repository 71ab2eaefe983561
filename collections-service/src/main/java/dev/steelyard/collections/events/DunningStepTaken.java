package dev.steelyard.collections.events;

import java.time.LocalDate;
import java.util.List;

/**
 * Data of {@code DunningStepTaken.v1}. An action {@code CREDIT_HOLD} is how collections asks
 * credit-service for a hold: by event, never by a call.
 */
public record DunningStepTaken(String legalEntity, String customerId, int level, String channel, List<String> actions,
        List<Invoice> invoices, LocalDate asOf) {

    public record Invoice(String invoiceNumber, String openAmount, String currency, int daysPastDue) {
    }
}
