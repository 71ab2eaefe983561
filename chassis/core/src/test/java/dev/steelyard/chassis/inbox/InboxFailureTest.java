package dev.steelyard.chassis.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.time.format.DateTimeParseException;

import org.junit.jupiter.api.Test;

import dev.steelyard.chassis.events.MalformedEventException;

/** Whose fault a failure is decides between the dead-letter topic and retrying until it passes. */
class InboxFailureTest {

    @Test
    void theEventsOwnFaultIsPoison() {
        assertEquals("true true true true", String.join(" ",
                "" + Inbox.isPoison(new MalformedEventException("ce_type header missing")),
                "" + Inbox.isPoison(new RuntimeException(new IllegalArgumentException("data.customerId is required"))),
                "" + Inbox.isPoison(new DateTimeParseException("bad date", "2025-13-01", 5)),
                "" + Inbox.isPoison(new EventRejectedException("refused", null))));
    }

    @Test
    void anOutageOfTheDatabaseIsTransientNotPoison() {
        RuntimeException refused = new RuntimeException(new SQLException("Connection refused", "08001"));
        RuntimeException shuttingDown = new RuntimeException(new SQLException("terminating connection", "57P01"));
        RuntimeException deadlock = new RuntimeException(new SQLException("deadlock detected", "40P01"));
        assertEquals("true false true false true false", String.join(" ",
                "" + Inbox.isTransient(refused), "" + Inbox.isPoison(refused),
                "" + Inbox.isTransient(shuttingDown), "" + Inbox.isPoison(shuttingDown),
                "" + Inbox.isTransient(deadlock), "" + Inbox.isPoison(deadlock)));
    }

    @Test
    void aClosedPersistenceUnitIsNeitherPoisonNorTransient() {
        // Seen while a service stops: retried a few times, and left unacknowledged once stopping is known.
        IllegalStateException closed = new IllegalStateException("EntityManagerFactory is closed");
        assertEquals("false false", Inbox.isPoison(closed) + " " + Inbox.isTransient(closed));
    }
}
