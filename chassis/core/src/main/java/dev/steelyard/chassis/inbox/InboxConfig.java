package dev.steelyard.chassis.inbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Retries of the inbox for failures that are not the event's fault (database unreachable, deadlock). */
@ConfigMapping(prefix = "steelyard.inbox")
public interface InboxConfig {

    @WithDefault("8")
    int maxAttempts();

    @WithDefault("200ms")
    Duration firstBackoff();

    @WithDefault("10s")
    Duration maxBackoff();
}
