package dev.steelyard.kpi.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import dev.steelyard.chassis.events.IncomingEvent;
import dev.steelyard.chassis.inbox.EventRejectedException;
import dev.steelyard.chassis.inbox.Inbox;
import dev.steelyard.kpi.receivables.ArMovements;
import dev.steelyard.kpi.receivables.ReceivablesLedger;
import dev.steelyard.kpi.receivables.ReceivablesLedger.ReceivedEvent;
import dev.steelyard.kpi.stream.KpiChanges;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Feeds AR events into the receivables ledger a poll at a time: the events of the batch that read
 * well are applied in one transaction, their ids recorded in the inbox in the same transaction, so a
 * redelivery is a no-op. A record that does not read, or every record of a batch whose transaction
 * fails, goes alone through the chassis inbox, in the batch's order (per partition, the topic's),
 * which retries what is not the event's fault and rejects what is: only a rejected record goes to the
 * dead-letter topic, with its reason, and the others of its batch are still applied.
 */
@ApplicationScoped
public class ArEventConsumer {

    private static final Logger LOG = Logger.getLogger(ArEventConsumer.class);

    /** A record of the batch and what it reads as; incoming and event are null when it does not read. */
    private record Read(KafkaRecord<String, byte[]> message, ConsumerRecord<String, byte[]> record,
            IncomingEvent incoming, ReceivedEvent event) {
    }

    @Inject
    Inbox inbox;

    @Inject
    ReceivablesLedger ledger;

    @Inject
    KpiChanges changes;

    @Incoming("ar-events")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        Instant receivedAt = ledger.now();
        List<Read> readable = new ArrayList<>();
        boolean delivered = true;
        // Unreadable records first, so no later record becomes visible before they reached the dead-letter topic.
        for (KafkaRecord<String, byte[]> message : batch.getRecords()) {
            Read read = read(message, receivedAt);
            if (read.event() != null) {
                readable.add(read);
            } else {
                delivered &= applyAlone(read);
            }
        }
        try {
            applyTogether(readable);
            notifyEntities(readable);
        } catch (RuntimeException failure) {
            LOG.warnf("A batch of %d events failed (%s); applying them one by one", readable.size(),
                    failure.getMessage());
            for (Read read : readable) {
                delivered &= applyAlone(read);
            }
        }
        if (!delivered) {
            // Committing past a rejected record that never reached the dead-letter topic would lose it.
            LOG.error("A rejected record did not reach the dead-letter topic; the batch stays unacknowledged and "
                    + "is delivered again after a restart");
            return CompletableFuture.completedFuture(null);
        }
        return batch.ack();
    }

    /** Through the chassis inbox; a rejected record goes alone to the dead-letter topic. False if it did not get there. */
    private boolean applyAlone(Read read) {
        try {
            inbox.process(read.record(), ledger::apply);
            notifyEntities(List.of(read));
            return true;
        } catch (EventRejectedException rejected) {
            try {
                read.message().nack(rejected).toCompletableFuture().join();
                return true;
            } catch (CompletionException | CancellationException lost) {
                LOG.errorf(lost, "Could not dead-letter %s-%d@%d", read.record().topic(), read.record().partition(),
                        read.record().offset());
                return false;
            }
        }
    }

    private void applyTogether(List<Read> reads) {
        if (reads.isEmpty()) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            Set<String> first = inbox.recordFirstDeliveries(reads.stream().map(Read::incoming).toList());
            ledger.applyLive(reads.stream().map(Read::event).filter(event -> first.contains(event.eventId())).toList());
        });
    }

    /** Reads the record as far as the batch needs; anything wrong is left to the inbox, which names it. */
    @SuppressWarnings("unchecked")
    private static Read read(KafkaRecord<String, byte[]> message, Instant receivedAt) {
        ConsumerRecord<String, byte[]> record = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(metadata -> (ConsumerRecord<String, byte[]>) metadata.getRecord())
                .orElseThrow(() -> new IllegalStateException("a Kafka record without its metadata"));
        try {
            IncomingEvent event = IncomingEvent.from(record);
            return new Read(message, record, event, new ReceivedEvent(event.id(), ArMovements.of(event), receivedAt));
        } catch (RuntimeException unreadable) {
            return new Read(message, record, null, null);
        }
    }

    /** After the commit, so a listener reading the figures sees the events; the key is entity/customer. */
    private void notifyEntities(List<Read> reads) {
        Set<String> entities = new LinkedHashSet<>();
        for (Read read : reads) {
            String key = read.record().key();
            entities.add(key == null ? null : key.split("/", 2)[0]);
        }
        entities.forEach(changes::changed);
    }
}
