package dev.steelyard.chassis.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the transactional outbox relay. */
@ConfigMapping(prefix = "steelyard.outbox")
public interface OutboxConfig {

    /** Whether this replica relays outbox rows to Kafka. */
    @WithDefault("true")
    boolean enabled();

    /** Rows claimed per relay transaction. */
    @WithDefault("200")
    int batchSize();

    /**
     * Fallback poll when no commit woke the relay: it picks up rows left by other replicas or by
     * a failed attempt. Commits in this replica wake the relay at once.
     */
    @WithDefault("1s")
    Duration pollInterval();

    /** Longest pause between attempts while Kafka is unreachable. */
    @WithDefault("5s")
    Duration maxBackoff();

    /** How long one batch may wait for the broker's acknowledgement. */
    @WithDefault("30s")
    Duration sendTimeout();

    /** How long sent rows are kept before they are purged. */
    @WithDefault("P7D")
    Duration retention();
}
