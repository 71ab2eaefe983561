package dev.steelyard.chassis.inbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Retries of the inbox. Infrastructure failures (database unreachable, deadlock) are retried until
 * they pass, with a backoff from firstBackoff doubling up to maxBackoff; unexpected failures get
 * maxAttempts before the event goes to the dead-letter topic.
 */
@ConfigMapping(prefix = "steelyard.inbox")
public interface InboxConfig {

    @WithDefault("4")
    int maxAttempts();

    @WithDefault("200ms")
    Duration firstBackoff();

    @WithDefault("10s")
    Duration maxBackoff();
}
