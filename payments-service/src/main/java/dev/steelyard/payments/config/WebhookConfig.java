package dev.steelyard.payments.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Secrets and limits of the signed webhooks. Each scheme takes a list of active secrets, so a
 * secret can be rotated without downtime: add the new one, let providers switch, drop the old.
 */
@ConfigMapping(prefix = "steelyard.webhooks")
public interface WebhookConfig {

    Stripe stripe();

    Standard standard();

    Adyen adyen();

    /** Fallback poll of the processing worker; commits in this replica wake it at once. */
    @WithDefault("1s")
    Duration pollInterval();

    /** Attempts before a stored webhook that keeps failing is parked as FAILED. */
    @WithDefault("5")
    int maxAttempts();

    /** Stripe signing secrets ({@code whsec_...}), env STEELYARD_WEBHOOKS_STRIPE_SECRETS. */
    interface Stripe {
        Optional<List<String>> secrets();

        @WithDefault("5m")
        Duration tolerance();
    }

    /** Standard Webhooks secrets ({@code whsec_<base64>}), env STEELYARD_WEBHOOKS_STANDARD_SECRETS. */
    interface Standard {
        Optional<List<String>> secrets();

        @WithDefault("5m")
        Duration tolerance();
    }

    /** Adyen HMAC keys (hex), env STEELYARD_WEBHOOKS_ADYEN_HMAC_KEYS. */
    interface Adyen {
        Optional<List<String>> hmacKeys();
    }
}
