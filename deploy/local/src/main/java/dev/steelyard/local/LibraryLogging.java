package dev.steelyard.local;

import java.io.IOException;
import java.nio.file.Files;

/**
 * Keeps the libraries' logging (embedded PostgreSQL and its server output, the Kafka admin
 * client, the chassis) out of the supervisor's console, in run/logs/infrastructure.log. The
 * defaults are in simplelogger.properties; this adds the file, which depends on the repository.
 */
final class LibraryLogging {

    private LibraryLogging() {
    }

    /** Must run before the first logger is created. */
    static void toFile(StackPaths paths) {
        try {
            Files.createDirectories(paths.logs());
        } catch (IOException e) {
            return; // Logging stays on the console.
        }
        System.setProperty("org.slf4j.simpleLogger.logFile", paths.log("infrastructure").toString());
        // jboss-logging (the chassis) would otherwise pick log4j2, which prints errors only, to the console.
        System.setProperty("org.jboss.logging.provider", "slf4j");
    }
}
