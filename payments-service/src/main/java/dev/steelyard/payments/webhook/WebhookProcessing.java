package dev.steelyard.payments.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import dev.steelyard.payments.payment.Payment;
import dev.steelyard.payments.payment.PaymentRecording;
import dev.steelyard.payments.payment.PaymentReversing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Carries out one stored webhook, reading it again from the stored body, in the worker's transaction. */
@ApplicationScoped
public class WebhookProcessing {

    @Inject
    PaymentRecording recording;

    @Inject
    PaymentReversing reversing;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void process(WebhookDelivery delivery) {
        WebhookNotice notice = read(delivery);
        delivery.processedAt = Instant.now(clock);
        if (notice instanceof WebhookNotice.PaymentNotice payment) {
            PaymentRecording.Receipt receipt = recording.record(payment.payment());
            delivery.status = receipt.created() ? WebhookDelivery.Status.PROCESSED : WebhookDelivery.Status.DUPLICATE;
            delivery.outcome = (receipt.created() ? "recorded payment " : "already recorded as payment ")
                    + receipt.payment().id;
        } else if (notice instanceof WebhookNotice.ReversalNotice reversal) {
            reverse(delivery, reversal);
        } else if (notice instanceof WebhookNotice.Ignored ignored) {
            delivery.status = WebhookDelivery.Status.IGNORED;
            delivery.outcome = ignored.why();
        }
    }

    /** A refund or chargeback that overtook its payment waits for it instead of failing. */
    private void reverse(WebhookDelivery delivery, WebhookNotice.ReversalNotice reversal) {
        Optional<Payment> payment = Payment.findBySource(reversal.source(), reversal.gatewayTransactionId());
        if (payment.isEmpty()) {
            delivery.status = WebhookDelivery.Status.AWAITING_PAYMENT;
            delivery.awaitedTransaction = WebhookQueue.awaitedKey(reversal.source(), reversal.gatewayTransactionId());
            delivery.outcome = "waiting for payment " + reversal.gatewayTransactionId();
            return;
        }
        PaymentReversing.Result result = reversing.reverse(payment.get().id, reversal.request());
        delivery.status = WebhookDelivery.Status.PROCESSED;
        delivery.outcome = result.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " on payment "
                + payment.get().id;
    }

    private static WebhookNotice read(WebhookDelivery delivery) {
        byte[] body = delivery.body.getBytes(StandardCharsets.UTF_8);
        return switch (delivery.provider) {
            case StripeEvents.SOURCE -> StripeEvents.read(body);
            case StandardWebhookEvents.SOURCE -> StandardWebhookEvents.read(body, delivery.eventId);
            case AdyenNotifications.SOURCE -> AdyenNotifications.read(
                    AdyenNotifications.items(JsonPayload.parse(body)).get(delivery.itemIndex), delivery.itemIndex);
            default -> throw new IllegalStateException("unknown webhook provider " + delivery.provider);
        };
    }
}
