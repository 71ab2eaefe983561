package dev.steelyard.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The physical floor of freshness: one record from a bare producer (acks=all, as the outbox relay
 * sends) to a bare consumer polling the same broker, on a topic of its own.
 */
public final class KafkaProbe implements AutoCloseable {

    private static final String TOPIC = "bench.probe";

    private final KafkaProducer<String, String> producer;
    private final KafkaConsumer<String, String> consumer;
    private final Map<String, CountDownLatch> waiting = new ConcurrentHashMap<>();
    private final Thread poller;
    private volatile boolean running = true;

    public KafkaProbe(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            if (!admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(TOPIC)) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
        }
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        consumer = new KafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer());
        TopicPartition partition = new TopicPartition(TOPIC, 0);
        consumer.assign(List.of(partition));
        consumer.seekToEnd(List.of(partition));
        consumer.position(partition);
        poller = new Thread(() -> {
            while (running) {
                consumer.poll(Duration.ofMillis(100)).forEach(record -> {
                    CountDownLatch latch = waiting.remove(record.value());
                    if (latch != null) {
                        latch.countDown();
                    }
                });
            }
        }, "kafka-probe");
        poller.setDaemon(true);
        poller.start();
    }

    /** Nanoseconds from send to the consumer seeing the record. */
    public long roundTrip() throws Exception {
        String value = UUID.randomUUID().toString();
        CountDownLatch seen = new CountDownLatch(1);
        waiting.put(value, seen);
        long start = System.nanoTime();
        producer.send(new ProducerRecord<>(TOPIC, value, value));
        if (!seen.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("probe record not consumed within 60 s");
        }
        return System.nanoTime() - start;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        poller.join(5_000);
        consumer.close();
        producer.close(Duration.ofSeconds(5));
    }
}
