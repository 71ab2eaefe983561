package dev.steelyard.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Rebuild: events per second of a full kpi-service rebuild (POST /admin/rebuild, then GET until the
 * active generation changes). Reference: a bare KafkaConsumer reading the same topics from the
 * beginning to their end offsets, in the same run, just before each rebuild. The other services are
 * paused meanwhile and kpi-service first catches up, so the rebuild races no live traffic (under live
 * load it deadlocks with the live consumer and gives up, see BENCHMARKS.md). When the topics hold
 * fewer than 20,000 events, 10,000 invoices of seeded history (as for the queries) are added first.
 */
public final class RebuildBenchmark {

    static final String NAME = "rebuild";
    static final List<String> TOPICS = List.of("ar.invoicing", "ar.payments");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BenchContext context;
    private final Suite suite;

    public RebuildBenchmark(BenchContext context) {
        this.context = context;
        this.suite = context.suite;
    }

    private static final long MINIMUM_EVENTS = 20_000;
    private static final int SEEDED_INVOICES = 10_000;

    public void run() throws Exception {
        List<String> paused = context.stack.pauseAllBut("kpi-service");
        try {
            KpiLag.awaitCaughtUp(context.stack, Duration.ofMinutes(10));
            long onTopics = (long) bareConsumer(context.stack.kafkaBootstrap())[0];
            if (onTopics < MINIMUM_EVENTS) {
                Progress.say("rebuild: the topics hold %,d events; seeding %,d invoices of history first", onTopics,
                        SEEDED_INVOICES);
                try (HistorySeeder seeder = new HistorySeeder(context.stack)) {
                    seeder.seed(new History(context.entity("R")), 0, SEEDED_INVOICES);
                }
                KpiLag.awaitCaughtUp(context.stack, Duration.ofMinutes(20));
            }
            measure();
        } finally {
            context.stack.resume(paused);
        }
    }

    private void measure() throws Exception {
        double load = Progress.loadAverage();
        Samples rebuilds = new Samples();
        Samples reads = new Samples();
        long events = 0;
        // A warm-up rebuild first: the first run of the replay path in a C1-only service JVM is slower.
        for (int round = 0; round <= context.rounds; round++) {
            double[] read = bareConsumer(context.stack.kafkaBootstrap());
            double[] rebuilt = rebuild();
            events = (long) rebuilt[0];
            if (round > 0) {
                reads.add(read[1]);
                rebuilds.add(rebuilt[1]);
            }
            Progress.say("rebuild: %s %d of %d: bare consumer %,d records at %,.0f/s; rebuild %,d events in %.1f s,"
                    + " %,.0f/s (load %.2f)", round == 0 ? "warm-up" : "round", round, context.rounds, (long) read[0],
                    read[1], events, rebuilt[2], rebuilt[1], Progress.loadAverage());
        }
        context.add(Result.of(NAME, "kpi-service full rebuild, %,d events".formatted(events), "events/s",
                rebuilds.median(), Double.NaN, "bare KafkaConsumer reading the same topics", reads.median(), Double.NaN,
                load));
    }

    /** {events replayed, events per second, seconds}. */
    private double[] rebuild() throws Exception {
        int before = status().get("activeGeneration").asInt();
        long start = System.nanoTime();
        suite.expectOk(suite.adminPost("/admin/rebuild"));
        JsonNode status;
        while (true) {
            Progress.pause(200);
            status = status();
            if (status.get("activeGeneration").asInt() != before && "idle".equals(status.get("state").asText())) {
                break;
            }
            if ("idle".equals(status.get("state").asText()) && status.get("activeGeneration").asInt() == before) {
                throw new IllegalStateException("the rebuild stopped without switching generation: " + status);
            }
            if ((System.nanoTime() - start) / 1e9 > 3600) {
                throw new IllegalStateException("the rebuild did not finish within an hour: " + status);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long events = status.get("eventsReplayed").asLong();
        return new double[] { events, events / seconds, seconds };
    }

    private JsonNode status() throws Exception {
        return JSON.readTree(suite.expectOk(suite.adminGet("/admin/rebuild")));
    }

    /** {records, records per second}: assign every partition, seek to the beginning, poll to the end offsets. */
    static double[] bareConsumer(String bootstrap) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        long start = System.nanoTime();
        long records = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : TOPICS) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
                if (infos != null) {
                    infos.forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                records += consumer.poll(Duration.ofMillis(500)).count();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new double[] { records, records / seconds };
    }
}
