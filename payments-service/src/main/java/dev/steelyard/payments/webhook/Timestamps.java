package dev.steelyard.payments.webhook;

import java.time.Clock;
import java.time.Duration;

/** The replay window of the timestamped schemes: a signed request older or newer than the tolerance is refused. */
final class Timestamps {

    private Timestamps() {
    }

    static void requireWithin(String header, long epochSeconds, Duration tolerance, Clock clock) {
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - epochSeconds) > tolerance.toSeconds()) {
            throw new WebhookSignatureException(header, "timestamp-tolerance",
                    "timestamp " + epochSeconds + " is more than " + tolerance.toMinutes() + " minutes from now");
        }
    }
}
