package dev.steelyard.payments.webhook;

import com.fasterxml.jackson.databind.JsonNode;

import dev.steelyard.chassis.money.Money;
import dev.steelyard.chassis.web.InvalidInputException;
import dev.steelyard.payments.payment.IncomingPayment;
import dev.steelyard.payments.payment.PaymentReversal;
import dev.steelyard.payments.payment.PaymentReversing;

/**
 * Reads our documented Standard Webhooks payload for bank and gateway payments:
 * {@code payment.received}, {@code payment.refunded} and {@code payment.charged_back}.
 */
public final class StandardWebhookEvents {

    public static final String SOURCE = "standard";

    private StandardWebhookEvents() {
    }

    /** @param messageId the webhook-id header, the event id when the payload has no {@code id} */
    public static WebhookNotice read(byte[] body, String messageId) {
        JsonNode event = JsonPayload.parse(body);
        String type = JsonPayload.text(event, "type");
        String id = JsonPayload.optionalText(event, "id").orElse(messageId);
        if (JsonPayload.node(event, "data") == null) {
            throw new InvalidInputException("data", "required", "is missing");
        }
        String currency = JsonPayload.currency(event, "data.currency");
        Money amount = JsonPayload.decimalAmount(event, "data.amount", currency);
        String legalEntity = JsonPayload.text(event, "data.legalEntity");
        String customerId = JsonPayload.text(event, "data.customerId");
        String transaction = JsonPayload.text(event, "data.paymentId");
        return switch (type) {
            case "payment.received" -> new WebhookNotice.PaymentNotice(id, type, new IncomingPayment(SOURCE, transaction,
                    legalEntity, customerId, amount, JsonPayload.date(event, "data.valueDate"),
                    JsonPayload.text(event, "data.method"), JsonPayload.textList(event, "data.remittanceReferences")));
            case "payment.refunded", "payment.charged_back" -> new WebhookNotice.ReversalNotice(id, type, SOURCE,
                    transaction, new PaymentReversing.Request(
                            JsonPayload.optionalText(event, "data.reversalId").orElse(id), amount, false,
                            type.equals("payment.refunded") ? PaymentReversal.Reason.REFUND
                                    : PaymentReversal.Reason.CHARGEBACK,
                            JsonPayload.date(event, "data.valueDate"), false));
            default -> throw new InvalidInputException("type", "known-type",
                    "'" + type + "' is not one of payment.received, payment.refunded, payment.charged_back");
        };
    }
}
