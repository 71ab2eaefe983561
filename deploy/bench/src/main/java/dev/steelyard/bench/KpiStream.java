package dev.steelyard.bench;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.YearMonth;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A subscriber of GET /kpis/stream for one entity and month: every summary with the moment it arrived. */
public final class KpiStream implements AutoCloseable {

    /** One month summary as it arrived. */
    public record Summary(long arrivedNanos, BigDecimal creditSales, BigDecimal endingAR) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BlockingQueue<Summary> summaries = new LinkedBlockingQueue<>();
    private final Thread reader;
    private volatile Stream<String> lines;
    private volatile boolean closed;

    public KpiStream(Suite suite, String legalEntity, YearMonth month) {
        reader = new Thread(() -> {
            try {
                HttpResponse<Stream<String>> response = suite.http().send(
                        suite.kpiGet("/kpis/stream?entity=" + legalEntity + "&month=" + month, Duration.ofHours(2)),
                        HttpResponse.BodyHandlers.ofLines());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("GET /kpis/stream answered " + response.statusCode());
                }
                lines = response.body();
                lines.forEach(line -> {
                    if (line.startsWith("data:")) {
                        long arrived = System.nanoTime();
                        try {
                            JsonNode summary = JSON.readTree(line.substring(5));
                            summaries.add(new Summary(arrived, new BigDecimal(summary.get("creditSales").asText()),
                                    new BigDecimal(summary.get("endingAR").asText())));
                        } catch (Exception e) {
                            Progress.say("freshness: unreadable summary %s", line);
                        }
                    }
                });
            } catch (Exception e) {
                if (!closed) {
                    Progress.say("freshness: the stream ended: %s", e);
                }
            }
        }, "kpi-stream");
        reader.setDaemon(true);
        reader.start();
    }

    /** The first summary that satisfies the condition, skipping earlier ones; null after the timeout. */
    public Summary await(Predicate<Summary> condition, long timeoutSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (true) {
            Summary next = summaries.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (next == null) {
                return null;
            }
            if (condition.test(next)) {
                return next;
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        if (lines != null) {
            lines.close();
        }
        reader.interrupt();
    }
}
