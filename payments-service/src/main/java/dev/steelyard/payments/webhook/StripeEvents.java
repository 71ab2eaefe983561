package dev.steelyard.payments.webhook;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import dev.steelyard.chassis.money.Money;
import dev.steelyard.payments.payment.IncomingPayment;
import dev.steelyard.payments.payment.PaymentReversal;
import dev.steelyard.payments.payment.PaymentReversing;

/**
 * Reads Stripe events. A payment is a {@code payment_intent.succeeded} whose metadata carries
 * entity, customer and invoice_numbers; refunds ({@code charge.refunded}, cumulative) and disputes
 * ({@code charge.dispute.created}) find their payment by the payment intent id.
 */
public final class StripeEvents {

    public static final String SOURCE = "stripe";

    private StripeEvents() {
    }

    public static WebhookNotice read(byte[] body) {
        JsonNode event = JsonPayload.parse(body);
        String id = JsonPayload.text(event, "id");
        String type = JsonPayload.text(event, "type");
        JsonNode object = JsonPayload.node(event, "data.object");
        if (object == null || !object.isObject()) {
            throw new dev.steelyard.chassis.web.InvalidInputException("data.object", "required", "is missing");
        }
        LocalDate eventDate = JsonPayload.epochDate(event, "created");
        return switch (type) {
            case "payment_intent.succeeded" -> paymentIntentSucceeded(id, type, event, eventDate);
            case "charge.refunded" -> reversal(id, type, event, "data.object.amount_refunded", eventDate,
                    PaymentReversal.Reason.REFUND, true);
            case "charge.dispute.created" -> reversal(id, type, event, "data.object.amount", eventDate,
                    PaymentReversal.Reason.CHARGEBACK, false);
            default -> new WebhookNotice.Ignored(id, type, "Stripe event type " + type + " is not used");
        };
    }

    private static WebhookNotice paymentIntentSucceeded(String id, String type, JsonNode event, LocalDate valueDate) {
        String currency = JsonPayload.currency(event, "data.object.currency");
        String amountPath = JsonPayload.node(event, "data.object.amount_received") != null
                ? "data.object.amount_received" : "data.object.amount";
        Money amount = JsonPayload.minorAmount(event, amountPath, currency);
        List<String> invoices = JsonPayload.commaSeparated(
                JsonPayload.optionalText(event, "data.object.metadata.invoice_numbers"));
        JsonNode methods = JsonPayload.node(event, "data.object.payment_method_types");
        String method = methods != null && methods.size() > 0 ? methods.get(0).asText().toUpperCase(Locale.ROOT) : "CARD";
        return new WebhookNotice.PaymentNotice(id, type, new IncomingPayment(SOURCE,
                JsonPayload.text(event, "data.object.id"), JsonPayload.text(event, "data.object.metadata.entity"),
                JsonPayload.text(event, "data.object.metadata.customer"), amount, valueDate, method, invoices));
    }

    private static WebhookNotice reversal(String id, String type, JsonNode event, String amountPath, LocalDate date,
            PaymentReversal.Reason reason, boolean cumulative) {
        String currency = JsonPayload.currency(event, "data.object.currency");
        Money amount = JsonPayload.minorAmount(event, amountPath, currency);
        String objectId = JsonPayload.text(event, "data.object.id");
        // Refunds are cumulative per charge: the same total twice is the same refund.
        String reference = cumulative ? objectId + " refunded " + amount.toMinor() : objectId;
        return new WebhookNotice.ReversalNotice(id, type, SOURCE, JsonPayload.text(event, "data.object.payment_intent"),
                new PaymentReversing.Request(reference, amount, cumulative, reason, date, false));
    }
}
