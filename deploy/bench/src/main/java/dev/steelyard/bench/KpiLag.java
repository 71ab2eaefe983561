package dev.steelyard.bench;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** How far kpi-service's consumer group is behind the ends of its topics. */
public final class KpiLag {

    private KpiLag() {
    }

    /** Records not yet committed by group kpi-service on ar.invoicing and ar.payments. */
    public static long lag(Admin admin) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("kpi-service")
                .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(RebuildBenchmark.TOPICS).allTopicNames()
                .get(30, TimeUnit.SECONDS).values().stream()
                .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                .get(30, TimeUnit.SECONDS);
        long lag = 0;
        for (var end : ends.entrySet()) {
            OffsetAndMetadata done = committed.get(end.getKey());
            lag += end.getValue().offset() - (done == null ? 0 : done.offset());
        }
        return lag;
    }

    public static Admin admin(BenchStack stack) {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
        return Admin.create(properties);
    }

    /** Waits until kpi-service has consumed everything published so far (or the time is up). */
    public static void awaitCaughtUp(BenchStack stack, Duration patience) throws Exception {
        try (Admin admin = admin(stack)) {
            long deadline = System.nanoTime() + patience.toNanos();
            long lag = lag(admin);
            while (lag > 0 && System.nanoTime() < deadline) {
                Progress.say("  kpi-service is %,d events behind; waiting", lag);
                Progress.pause(5_000);
                lag = lag(admin);
            }
        }
    }
}
