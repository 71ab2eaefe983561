package dev.steelyard.bench;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.postgresql.PGConnection;

/**
 * Seeds history the way the producers would have published it, without their HTTP front doors:
 * InvoiceIssued.v1 on ar.invoicing and PaymentReceived.v1 on ar.payments, CloudEvents in Kafka binary
 * mode with the headers the chassis outbox writes (ce_id, ce_specversion, ce_type, ce_source, ce_time,
 * ce_subject, content-type) and the key legalEntity/customerId. The same receivables go into plain
 * tables of the bench database, the baseline an ERP report reads.
 */
public final class HistorySeeder implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final Connection bench;

    public HistorySeeder(BenchStack stack) throws Exception {
        java.util.Properties properties = new java.util.Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        properties.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        producer = new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
        stack.ensureBenchDatabase();
        bench = stack.connect("bench");
        try (Statement statement = bench.createStatement()) {
            statement.execute("""
                    CREATE TABLE IF NOT EXISTS erp_invoice (
                        legal_entity text NOT NULL, invoice_number text NOT NULL, customer_id text NOT NULL,
                        currency char(3) NOT NULL, amount numeric(19, 2) NOT NULL, issue_date date NOT NULL,
                        due_date date NOT NULL, PRIMARY KEY (legal_entity, invoice_number))""");
            statement.execute("CREATE INDEX IF NOT EXISTS erp_invoice_issued ON erp_invoice (legal_entity, issue_date)");
            statement.execute("""
                    CREATE TABLE IF NOT EXISTS erp_payment (
                        legal_entity text NOT NULL, invoice_number text NOT NULL, amount numeric(19, 2) NOT NULL,
                        value_date date NOT NULL)""");
            statement.execute("CREATE INDEX IF NOT EXISTS erp_payment_invoice ON erp_payment (legal_entity, invoice_number)");
        }
    }

    /** Publishes receivables [from, to) and copies them into the baseline tables; returns the events sent. */
    public long seed(History history, long from, long to) throws Exception {
        StringBuilder invoices = new StringBuilder();
        StringBuilder payments = new StringBuilder();
        long events = 0;
        String time = OffsetDateTime.now(ZoneOffset.UTC).toString();
        for (long i = from; i < to; i++) {
            History.Receivable r = history.receivable(i);
            String key = r.legalEntity() + "/" + r.customerId();
            String amount = r.amount().toPlainString();
            send("ar.invoicing", key, "InvoiceIssued.v1", "/steelyard/invoicing-service", r.invoiceNumber(), time,
                    id(r, "InvoiceIssued"), """
                    {"legalEntity":"%s","invoiceNumber":"%s","customerId":"%s","currency":"USD","netAmount":"%s",\
                    "taxAmount":"0.00","amount":"%s","issueDate":"%s","dueDate":"%s",\
                    "terms":{"code":"NET30","type":"NET","netDays":30}}"""
                    .formatted(r.legalEntity(), r.invoiceNumber(), r.customerId(), amount, amount, r.issueDate(),
                            r.dueDate()));
            events++;
            invoices.append(r.legalEntity()).append('\t').append(r.invoiceNumber()).append('\t')
                    .append(r.customerId()).append("\tUSD\t").append(amount).append('\t').append(r.issueDate())
                    .append('\t').append(r.dueDate()).append('\n');
            if (r.paidOn() != null) {
                String paymentId = id(r, "Payment").toString();
                send("ar.payments", key, "PaymentReceived.v1", "/steelyard/payments-service", paymentId, time,
                        id(r, "PaymentReceived"), """
                        {"legalEntity":"%s","paymentId":"%s","customerId":"%s","currency":"USD","amount":"%s",\
                        "valueDate":"%s","method":"BANK_TRANSFER","gatewayTransactionId":"BANK-%s",\
                        "remittanceReferences":["%s"],"allocations":[{"invoiceNumber":"%s","amount":"%s",\
                        "discount":"0.00","writeOff":"0.00","valueDate":"%s"}],"unappliedAmount":"0.00"}"""
                        .formatted(r.legalEntity(), paymentId, r.customerId(), amount, r.paidOn(),
                                r.invoiceNumber(), r.invoiceNumber(), r.invoiceNumber(), amount, r.paidOn()));
                events++;
                payments.append(r.legalEntity()).append('\t').append(r.invoiceNumber()).append('\t').append(amount)
                        .append('\t').append(r.paidOn()).append('\n');
            }
            if (invoices.length() > 4_000_000) {
                copy(invoices, payments);
            }
        }
        copy(invoices, payments);
        // An ERP's tables have planner statistics (autovacuum would take a while to gather them here).
        try (Statement statement = bench.createStatement()) {
            statement.execute("ANALYZE erp_invoice, erp_payment");
        }
        producer.flush();
        return events;
    }

    private void copy(StringBuilder invoices, StringBuilder payments) throws Exception {
        var copier = bench.unwrap(PGConnection.class).getCopyAPI();
        copier.copyIn("COPY erp_invoice FROM STDIN", new StringReader(invoices.toString()));
        copier.copyIn("COPY erp_payment FROM STDIN", new StringReader(payments.toString()));
        invoices.setLength(0);
        payments.setLength(0);
    }

    /** The same event always gets the same ce_id, as an outbox row keeps its id across resends. */
    private static UUID id(History.Receivable r, String what) {
        return UUID.nameUUIDFromBytes((r.legalEntity() + "/" + r.invoiceNumber() + "/" + what)
                .getBytes(StandardCharsets.UTF_8));
    }

    private void send(String topic, String key, String type, String source, String subject, String time, UUID id,
            String data) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_id", id.toString().getBytes(StandardCharsets.UTF_8));
        headers.add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        headers.add("ce_source", source.getBytes(StandardCharsets.UTF_8));
        headers.add("ce_time", time.getBytes(StandardCharsets.UTF_8));
        headers.add("ce_subject", subject.getBytes(StandardCharsets.UTF_8));
        headers.add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
        producer.send(new ProducerRecord<>(topic, null, key, data.getBytes(StandardCharsets.UTF_8), headers));
    }

    @Override
    public void close() throws Exception {
        producer.close();
        bench.close();
    }
}
