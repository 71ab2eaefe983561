package dev.steelyard.collections;

import java.time.ZoneId;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Typed configuration of collections-service ({@code steelyard.collections.*}). */
@ConfigMapping(prefix = "steelyard.collections")
public interface CollectionsConfig {

    /** Cron of the scheduled dunning run; {@code off} disables it. */
    String dailyRunCron();

    /** The time zone of a legal entity whose policy names none. */
    @WithDefault("UTC")
    ZoneId defaultTimeZone();

    /** Days after the promised date that dunning stays paused and the money may still arrive. */
    @WithDefault("3")
    int promiseGraceDays();

    /** The secret that signs outbound dunning webhooks (HMAC-SHA256). */
    Optional<String> webhookSecret();
}
