package dev.steelyard.kpi.rebuild;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The lease a rebuilding instance holds while it replays, and how often instances look for a stalled one. */
@ConfigMapping(prefix = "steelyard.kpi.rebuild")
public interface RebuildConfig {

    /** A rebuild whose owner has not renewed its lease for this long is stalled and taken over. */
    @WithDefault("60s")
    Duration lease();

    /** How often the rebuilding instance renews its lease (and publishes its progress). */
    @WithDefault("5s")
    Duration heartbeat();

    /** How often every instance looks for a stalled rebuild (read by the scheduler). */
    @WithDefault("15s")
    Duration checkEvery();
}
