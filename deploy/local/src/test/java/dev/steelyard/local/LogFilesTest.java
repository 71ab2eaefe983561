package dev.steelyard.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFilesTest {

    @TempDir
    Path run;

    @Test
    void findsTheFirstErrorAndItsRootCause() throws Exception {
        Path log = run.resolve("service.log");
        Files.write(log, List.of(
                "2026-01-01 10:00:00,000 INFO  [io.quarkus] (main) starting",
                "2026-01-01 10:00:01,000 ERROR [io.quarkus.runtime.Application] (main) Failed to start application",
                "\tat somewhere",
                "Caused by: java.lang.RuntimeException: Unable to start HTTP server",
                "Caused by: java.net.UnknownHostException: no.such.host",
                "\tat elsewhere",
                "2026-01-01 10:00:02,000 ERROR [other] (main) later",
                "Caused by: java.lang.IllegalStateException: not this one"));

        assertEquals(List.of(
                "2026-01-01 10:00:01,000 ERROR [io.quarkus.runtime.Application] (main) Failed to start application",
                "Caused by: java.net.UnknownHostException: no.such.host"), LogFiles.firstError(log));
        assertEquals(List.of("2026-01-01 10:00:02,000 ERROR [other] (main) later",
                "Caused by: java.lang.IllegalStateException: not this one"), LogFiles.lastLines(log, 2));
    }

    @Test
    void aMissingLogHasNoLines() {
        assertTrue(LogFiles.lastLines(run.resolve("none.log"), 20).isEmpty());
        assertTrue(LogFiles.firstError(run.resolve("none.log")).isEmpty());
    }
}
