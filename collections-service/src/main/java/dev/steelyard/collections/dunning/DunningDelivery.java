package dev.steelyard.collections.dunning;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.jboss.logging.Logger;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Hands a recorded message to its channel after the step committed, and records the outcome.
 * A failed delivery stays FAILED and is retried by the next run; the step itself stands.
 */
@ApplicationScoped
public class DunningDelivery {

    private static final Logger LOG = Logger.getLogger(DunningDelivery.class);

    @Inject
    Mailer mailer;

    @Inject
    DunningWebhook webhook;

    @Inject
    DunningPolicies policies;

    @Inject
    Clock clock;

    public void deliver(UUID messageId) {
        DunningMessage message = QuarkusTransaction.requiringNew().call(() -> DunningMessage.findById(messageId));
        DunningMessage.Delivery outcome;
        try {
            if (PolicyDefinition.Channel.EMAIL.name().equals(message.channel)) {
                mailer.send(Mail.withText(message.recipient, message.subject, message.body));
            } else {
                PolicyDefinition policy = QuarkusTransaction.requiringNew()
                        .call(() -> policies.effective(message.legalEntity, null));
                webhook.post(policy.webhookUrl(), message);
            }
            outcome = DunningMessage.Delivery.DELIVERED;
        } catch (RuntimeException e) {
            LOG.warnf("Dunning message %s to %s of %s could not be delivered by %s: %s", messageId,
                    message.customerId, message.legalEntity, message.channel, e.getMessage());
            outcome = DunningMessage.Delivery.FAILED;
        }
        DunningMessage.Delivery recorded = outcome;
        QuarkusTransaction.requiringNew().run(() -> {
            DunningMessage stored = DunningMessage.findById(messageId);
            stored.delivery = recorded.name();
            stored.deliveredAt = recorded == DunningMessage.Delivery.DELIVERED ? Instant.now(clock) : null;
        });
    }
}
