package dev.steelyard.chassis.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.steelyard.chassis.events.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

/**
 * Appends events to the outbox inside the caller's transaction. Nothing reaches Kafka unless
 * that transaction commits, and everything that commits reaches Kafka.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    OutboxRelay relay;

    @Inject
    Clock clock;

    @ConfigProperty(name = "quarkus.application.name")
    String serviceName;

    /**
     * @param topic   the producing service's topic
     * @param key     record key: legal entity and customer, so one customer's events stay in order
     * @param type    stable type name with version, e.g. {@code InvoiceIssued.v1}
     * @param subject what the event is about, e.g. the invoice number
     * @param data    the event data, written as JSON
     * @return the event id (ce_id)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(String topic, String key, String type, String subject, Object data) {
        OutboxEvent event = new OutboxEvent();
        event.id = UUID.randomUUID();
        event.topic = topic;
        event.recordKey = key;
        event.eventType = type;
        event.source = "/steelyard/" + serviceName;
        event.subject = subject;
        event.occurredAt = Instant.now(clock);
        try {
            event.payload = EventJson.MAPPER.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event data of " + type + " cannot be written as JSON", e);
        }
        event.persist();
        transactions.registerInterposedSynchronization(new WakeRelayOnCommit(relay));
        return event.id;
    }

    /** Customer-ordered record key shared by every producer. */
    public static String key(String legalEntity, String customerId) {
        return legalEntity + "/" + customerId;
    }

    private record WakeRelayOnCommit(OutboxRelay relay) implements Synchronization {

        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                relay.wakeUp();
            }
        }
    }
}
