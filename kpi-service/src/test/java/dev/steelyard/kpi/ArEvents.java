package dev.steelyard.kpi;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.steelyard.chassis.testing.KafkaTestClient;
import dev.steelyard.chassis.testing.TestInfrastructure;

/**
 * Builds the AR events of the fixed contracts as the producers write them, and sends them to the
 * test broker. Each test uses its own legal entity, so its figures never mix with another test's.
 */
public final class ArEvents {

    private ArEvents() {
    }

    public static String newEntity() {
        return "T" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String id() {
        return UUID.randomUUID().toString();
    }

    public static ProducerRecord<String, byte[]> invoice(String entity, String customer, String number,
            String currency, String amount, String issueDate, String dueDate) {
        return KafkaTestClient.cloudEvent("ar.invoicing", entity + "/" + customer, id(), "InvoiceIssued.v1", """
                {"legalEntity":"%s","invoiceNumber":"%s","customerId":"%s","customerName":"Acme Steel","currency":"%s",
                 "amount":"%s","netAmount":"%s","taxAmount":"0.00","issueDate":"%s","dueDate":"%s",
                 "terms":{"code":"NET30","netDays":30},"orderReference":"SO-1"}"""
                .formatted(entity, number, customer, currency, amount, amount, issueDate, dueDate));
    }

    public static ProducerRecord<String, byte[]> creditNote(String entity, String customer, String number,
            String currency, String amount, String issueDate, String invoiceNumber) {
        String against = invoiceNumber == null ? "" : ",\"invoiceNumber\":\"" + invoiceNumber + "\"";
        return KafkaTestClient.cloudEvent("ar.invoicing", entity + "/" + customer, id(), "CreditNoteIssued.v1", """
                {"legalEntity":"%s","creditNoteNumber":"%s","customerId":"%s","currency":"%s","amount":"%s",
                 "issueDate":"%s","reason":"DAMAGED_GOODS"%s}"""
                .formatted(entity, number, customer, currency, amount, issueDate, against));
    }

    public static ProducerRecord<String, byte[]> cancellation(String entity, String customer, String number,
            String currency, String amount, String cancellationDate) {
        return KafkaTestClient.cloudEvent("ar.invoicing", entity + "/" + customer, id(), "InvoiceCancelled.v1", """
                {"legalEntity":"%s","invoiceNumber":"%s","customerId":"%s","currency":"%s","amount":"%s",
                 "cancellationDate":"%s","reason":"ORDER_WITHDRAWN"}"""
                .formatted(entity, number, customer, currency, amount, cancellationDate));
    }

    /** One allocation as JSON: {@code allocation("A-1", "100.00", "2.00", "0.00", "2024-01-20")}. */
    public static String allocation(String invoice, String amount, String discount, String writeOff,
            String valueDate) {
        return """
                {"invoiceNumber":"%s","amount":"%s","discount":"%s","writeOff":"%s","valueDate":"%s"}"""
                .formatted(invoice, amount, discount, writeOff, valueDate);
    }

    public static ProducerRecord<String, byte[]> payment(String entity, String customer, String paymentId,
            String currency, String amount, String valueDate, String unapplied, String... allocations) {
        return KafkaTestClient.cloudEvent("ar.payments", entity + "/" + customer, id(), "PaymentReceived.v1", """
                {"legalEntity":"%s","paymentId":"%s","customerId":"%s","currency":"%s","amount":"%s",
                 "valueDate":"%s","method":"WIRE","gatewayTransactionId":"gw-%s","remittanceReferences":["R"],
                 "allocations":[%s],"unappliedAmount":"%s"}"""
                .formatted(entity, paymentId, customer, currency, amount, valueDate, paymentId,
                        String.join(",", allocations), unapplied));
    }

    public static ProducerRecord<String, byte[]> unappliedCashApplied(String entity, String customer,
            String paymentId, String currency, String remaining, String... allocations) {
        return KafkaTestClient.cloudEvent("ar.payments", entity + "/" + customer, id(), "UnappliedCashApplied.v1",
                """
                {"legalEntity":"%s","paymentId":"%s","customerId":"%s","currency":"%s","allocations":[%s],
                 "unappliedAmount":"%s"}"""
                        .formatted(entity, paymentId, customer, currency, String.join(",", allocations), remaining));
    }

    public static ProducerRecord<String, byte[]> reversal(String entity, String customer, String paymentId,
            String currency, String amount, String reversalDate, String unappliedReversed, String... allocations) {
        return KafkaTestClient.cloudEvent("ar.payments", entity + "/" + customer, id(), "PaymentReversed.v1", """
                {"legalEntity":"%s","paymentId":"%s","customerId":"%s","currency":"%s","amount":"%s",
                 "reversalDate":"%s","reason":"CHARGEBACK","allocations":[%s],"unappliedReversed":"%s"}"""
                .formatted(entity, paymentId, customer, currency, amount, reversalDate,
                        String.join(",", allocations), unappliedReversed));
    }

    /** Sends records in order with one producer (same key and topic stay in order). */
    @SafeVarargs
    public static void send(ProducerRecord<String, byte[]>... records) {
        send(List.of(records));
    }

    /**
     * Sends records in one producer request: same topic and key, they are appended to the log as one
     * record batch, so the consumer receives them in one poll.
     */
    public static void sendTogether(List<ProducerRecord<String, byte[]>> records) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 60_000);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(properties, new StringSerializer(),
                new ByteArraySerializer())) {
            List<Future<?>> sent = new ArrayList<>();
            for (ProducerRecord<String, byte[]> record : records) {
                sent.add(producer.send(record));
            }
            producer.flush();
            for (Future<?> future : sent) {
                future.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not send", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static void send(List<ProducerRecord<String, byte[]>> records) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(properties, new StringSerializer(),
                new ByteArraySerializer())) {
            for (ProducerRecord<String, byte[]> record : records) {
                producer.send(record).get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not send", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
