package dev.steelyard.payments.webhook;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import dev.steelyard.chassis.money.Money;
import dev.steelyard.chassis.web.InvalidInputException;
import dev.steelyard.chassis.web.TextInput;
import dev.steelyard.chassis.web.Problem;
import dev.steelyard.payments.payment.IncomingPayment;
import dev.steelyard.payments.payment.PaymentReversal;
import dev.steelyard.payments.payment.PaymentReversing;

/**
 * Reads Adyen notification items. A successful AUTHORISATION is a payment: entity and customer in
 * {@code additionalData.metadata.entity} / {@code metadata.customer}, invoice numbers in
 * {@code merchantReference}; REFUND and CHARGEBACK name the payment in {@code originalReference}.
 */
public final class AdyenNotifications {

    public static final String SOURCE = "adyen";

    private AdyenNotifications() {
    }

    /** The notification items of a body, each under its own path for error messages. */
    public static List<JsonNode> items(JsonNode body) {
        JsonNode items = body.get("notificationItems");
        if (items == null || !items.isArray() || items.isEmpty()) {
            throw new InvalidInputException("notificationItems", "required", "must hold at least one item");
        }
        List<JsonNode> result = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i).get("NotificationRequestItem");
            if (item == null || !item.isObject()) {
                throw new InvalidInputException("notificationItems[" + i + "].NotificationRequestItem", "required",
                        "is missing");
            }
            result.add(item);
        }
        return result;
    }

    /** Adyen has no event id: its documented deduplication key is the PSP reference with the event code and success. */
    public static String eventId(JsonNode item) {
        return item.path("pspReference").asText() + ":" + item.path("eventCode").asText() + ":"
                + item.path("success").asText();
    }

    public static WebhookNotice read(JsonNode item, int index) {
        String prefix = "notificationItems[" + index + "].NotificationRequestItem.";
        String eventCode = field(item, prefix, "eventCode");
        String id = eventId(item);
        String pspReference = field(item, prefix, "pspReference");
        boolean success = "true".equalsIgnoreCase(item.path("success").asText());
        if (!success || !List.of("AUTHORISATION", "REFUND", "CHARGEBACK").contains(eventCode)) {
            return new WebhookNotice.Ignored(id, eventCode, "Adyen " + eventCode + " success=" + success + " is not used");
        }
        String currency = named(prefix, () -> JsonPayload.currency(item, "amount.currency"));
        Money amount = named(prefix, () -> JsonPayload.minorAmount(item, "amount.value", currency));
        LocalDate date = eventDate(item, prefix);
        if (eventCode.equals("AUTHORISATION")) {
            JsonNode additional = item.path("additionalData");
            return new WebhookNotice.PaymentNotice(id, eventCode, new IncomingPayment(SOURCE, pspReference,
                    metadata(additional, prefix, "metadata.entity"), metadata(additional, prefix, "metadata.customer"),
                    amount, date, item.path("paymentMethod").asText("CARD").toUpperCase(Locale.ROOT),
                    JsonPayload.commaSeparated(JsonPayload.optionalText(item, "merchantReference"))));
        }
        return new WebhookNotice.ReversalNotice(id, eventCode, SOURCE, field(item, prefix, "originalReference"),
                new PaymentReversing.Request(pspReference, amount, false,
                        eventCode.equals("REFUND") ? PaymentReversal.Reason.REFUND : PaymentReversal.Reason.CHARGEBACK,
                        date, false));
    }

    /** Names a field of an item by its full path in the body, as the problem answer should. */
    private static <T> T named(String prefix, java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (InvalidInputException e) {
            Problem.Violation violation = e.violations().get(0);
            throw new InvalidInputException(prefix + violation.field(), violation.rule(), violation.message());
        }
    }

    private static String field(JsonNode item, String prefix, String name) {
        String value = item.path(name).asText("");
        if (value.isBlank()) {
            throw new InvalidInputException(prefix + name, "required", "is missing");
        }
        return storable(value, prefix + name);
    }

    /** additionalData keys contain dots ("metadata.entity"), so they are read as one key, not a path. */
    private static String metadata(JsonNode additional, String prefix, String key) {
        String value = additional.path(key).asText("");
        if (value.isBlank()) {
            throw new InvalidInputException(prefix + "additionalData." + key, "required", "is missing");
        }
        return storable(value, prefix + "additionalData." + key);
    }

    /** A NUL or half a surrogate pair cannot be stored; refused before the item is accepted. */
    private static String storable(String value, String field) {
        String problem = TextInput.problem(value);
        if (problem != null) {
            throw new InvalidInputException(field, "format", problem);
        }
        return value;
    }

    private static LocalDate eventDate(JsonNode item, String prefix) {
        String text = field(item, prefix, "eventDate");
        try {
            return OffsetDateTime.parse(text).toLocalDate();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(prefix + "eventDate", "format", "'" + text + "' is not an ISO date-time");
        }
    }
}
