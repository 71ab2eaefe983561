package dev.steelyard.chassis.events;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/** A CloudEvent read from a Kafka record in binary mode; its data stays JSON until a tolerant reader maps it. */
public record IncomingEvent(String id, String type, String source, String subject, OffsetDateTime time,
        String topic, String key, JsonNode data) {

    public static IncomingEvent from(ConsumerRecord<String, byte[]> record) {
        String id = required(record, CloudEvents.ID);
        String specVersion = required(record, CloudEvents.SPECVERSION);
        if (!CloudEvents.SPEC_VERSION.equals(specVersion)) {
            throw new MalformedEventException("unsupported CloudEvents specversion '" + specVersion + "'");
        }
        String type = required(record, CloudEvents.TYPE);
        String source = required(record, CloudEvents.SOURCE);
        String subject = header(record, CloudEvents.SUBJECT);
        OffsetDateTime time = null;
        String timeText = header(record, CloudEvents.TIME);
        if (timeText != null) {
            try {
                time = OffsetDateTime.parse(timeText);
            } catch (DateTimeParseException e) {
                throw new MalformedEventException("ce_time '" + timeText + "' is not an RFC 3339 timestamp");
            }
        }
        if (record.value() == null) {
            throw new MalformedEventException("event " + id + " has no data");
        }
        JsonNode data;
        try {
            data = EventJson.MAPPER.readTree(record.value());
        } catch (java.io.IOException e) {
            throw new MalformedEventException("event " + id + " data is not JSON");
        }
        if (data == null || !data.isObject()) {
            throw new MalformedEventException("event " + id + " data is not a JSON object");
        }
        return new IncomingEvent(id, type, source, subject, time, record.topic(), record.key(), data);
    }

    /** Maps the data onto a consumer's own reader class, ignoring fields it does not know. */
    public <T> T data(Class<T> readerType) {
        try {
            return EventJson.MAPPER.treeToValue(data, readerType);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException(type + " event " + id + " cannot be read: " + e.getOriginalMessage());
        }
    }

    private static String required(ConsumerRecord<String, byte[]> record, String name) {
        String value = header(record, name);
        if (value == null || value.isBlank()) {
            throw new MalformedEventException("header " + name + " is missing");
        }
        return value;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
