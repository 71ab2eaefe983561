package dev.steelyard.kpi;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import dev.steelyard.chassis.testing.SettableClock;

/**
 * The clock of the tests: the system clock unless a test fixes it (events are stamped received at
 * its time); a test that fixes it puts it back.
 */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends SettableClock {

    public TestClock() {
        super(null);
    }
}
