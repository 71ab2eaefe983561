package dev.steelyard.payments.payment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.steelyard.payments.allocation.Allocation;
import dev.steelyard.payments.allocation.CashApplication;
import dev.steelyard.payments.allocation.CustomerLock;
import dev.steelyard.payments.events.PaymentEvents;
import dev.steelyard.payments.webhook.WebhookQueue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Records a payment once per gateway transaction, applies its cash and writes PaymentReceived,
 * all in one transaction. The same money under another event id is recognised and not applied again.
 */
@ApplicationScoped
public class PaymentRecording {

    @Inject
    CustomerLock customerLock;

    @Inject
    CashApplication cashApplication;

    @Inject
    PaymentEvents events;

    @Inject
    WebhookQueue webhookQueue;

    @Inject
    Clock clock;

    /** The recorded payment and whether this call recorded it. */
    public record Receipt(Payment payment, boolean created) {
    }

    @Transactional
    public Receipt record(IncomingPayment incoming) {
        customerLock.lock(incoming.legalEntity(), incoming.customerId());
        Optional<Payment> existing = Payment.findByTransaction(incoming.legalEntity(), incoming.gatewayTransactionId());
        if (existing.isPresent()) {
            return new Receipt(existing.get(), false);
        }
        Payment payment = new Payment();
        payment.id = Payment.idFor(incoming.legalEntity(), incoming.gatewayTransactionId());
        payment.legalEntity = incoming.legalEntity();
        payment.customerId = incoming.customerId();
        payment.currency = incoming.amount().currencyCode();
        payment.amount = incoming.amount().amount();
        payment.unappliedAmount = incoming.amount().amount();
        payment.reversedAmount = BigDecimal.ZERO;
        payment.valueDate = incoming.valueDate();
        payment.method = incoming.method();
        payment.source = incoming.source();
        payment.gatewayTransactionId = incoming.gatewayTransactionId();
        payment.remittanceReferences = String.join("\n", incoming.remittanceReferences());
        payment.receivedAt = Instant.now(clock);
        payment.persist();

        List<Allocation> lines = cashApplication.applyNewPayment(payment);
        events.paymentReceived(payment, lines);
        // A refund or chargeback that arrived before this payment can now be processed.
        webhookQueue.releaseAwaiting(payment.source, payment.gatewayTransactionId);
        return new Receipt(payment, true);
    }
}
