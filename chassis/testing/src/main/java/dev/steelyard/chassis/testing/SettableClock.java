package dev.steelyard.chassis.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A UTC clock a test can set and put back. A service's test clock extends it as a CDI alternative,
 * starting either at a fixed instant or, given null, at the system clock.
 */
public class SettableClock extends Clock {

    private final Instant initial;
    private volatile Instant now;

    protected SettableClock(Instant initial) {
        this.initial = initial;
        this.now = initial;
    }

    public void set(Instant instant) {
        now = instant;
    }

    /** Back to where it started: its fixed instant or the system clock. */
    public void reset() {
        now = initial;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        SettableClock self = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return self.withZone(other);
            }

            @Override
            public Instant instant() {
                return self.instant();
            }
        };
    }

    @Override
    public Instant instant() {
        Instant fixed = now;
        return fixed != null ? fixed : Instant.now();
    }
}
