package dev.steelyard.credit;

import java.time.Instant;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import dev.steelyard.chassis.testing.SettableClock;

/**
 * The business clock of the tests: fixed at noon on 2025-06-30 (UTC) so scores and past-due
 * days are exact; a test that moves it puts it back.
 */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends SettableClock {

    public static final Instant DEFAULT = Instant.parse("2025-06-30T12:00:00Z");

    public TestClock() {
        super(DEFAULT);
    }
}
