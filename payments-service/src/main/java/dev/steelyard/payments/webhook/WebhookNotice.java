package dev.steelyard.payments.webhook;

import dev.steelyard.payments.payment.IncomingPayment;
import dev.steelyard.payments.payment.PaymentReversing;

/** What a stored webhook asks this service to do, whichever scheme brought it. */
public sealed interface WebhookNotice {

    /** The provider's event id and type, for deduplication and the record. */
    String eventId();

    String eventType();

    /** Money received. */
    record PaymentNotice(String eventId, String eventType, IncomingPayment payment) implements WebhookNotice {
    }

    /** A refund or chargeback of a payment found by its source and gateway transaction id. */
    record ReversalNotice(String eventId, String eventType, String source, String gatewayTransactionId,
            PaymentReversing.Request request) implements WebhookNotice {
    }

    /** A genuine event this service has nothing to do with. */
    record Ignored(String eventId, String eventType, String why) implements WebhookNotice {
    }
}
