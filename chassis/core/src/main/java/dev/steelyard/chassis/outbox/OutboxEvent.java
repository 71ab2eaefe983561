package dev.steelyard.chassis.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

import dev.steelyard.chassis.events.CloudEvents;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One event waiting in the outbox, written in the same transaction as the state change it reports. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    /** The CloudEvents id: assigned once here and sent unchanged on every retry. */
    @Id
    public UUID id;

    /** Commit order within this database, so the relay publishes in the order events were written. */
    @Column(insertable = false, updatable = false)
    public Long position;

    public String topic;

    @Column(name = "record_key")
    public String recordKey;

    @Column(name = "event_type")
    public String eventType;

    public String source;

    public String subject;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    @Column(columnDefinition = "text")
    public String payload;

    @Column(name = "sent_at")
    public Instant sentAt;

    ProducerRecord<String, byte[]> toRecord() {
        RecordHeaders headers = new RecordHeaders();
        header(headers, CloudEvents.ID, id.toString());
        header(headers, CloudEvents.SPECVERSION, CloudEvents.SPEC_VERSION);
        header(headers, CloudEvents.TYPE, eventType);
        header(headers, CloudEvents.SOURCE, source);
        header(headers, CloudEvents.TIME, occurredAt.atOffset(ZoneOffset.UTC).toString());
        if (subject != null) {
            header(headers, CloudEvents.SUBJECT, subject);
        }
        header(headers, CloudEvents.CONTENT_TYPE, CloudEvents.JSON);
        return new ProducerRecord<>(topic, null, recordKey, payload.getBytes(StandardCharsets.UTF_8), headers);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
