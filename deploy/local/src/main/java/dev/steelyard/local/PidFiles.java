package dev.steelyard.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One {@code <name>.pid} file per process of the stack, so {@code down} and {@code status} find
 * them from another JVM, and {@code down} still finds the children when the supervisor is gone.
 */
final class PidFiles {

    static final String SUPERVISOR = "supervisor";
    static final String POSTGRES = "postgres";
    static final String KAFKA = "kafka";

    /** How much later than its pid file a process may seem to start (clock ticks, slow file systems). */
    private static final Duration CLOCK_SLACK = Duration.ofSeconds(5);

    private final Path directory;

    PidFiles(Path directory) {
        this.directory = directory;
    }

    void write(String name, long pid) {
        try {
            Files.createDirectories(directory);
            Files.writeString(file(name), pid + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void delete(String name) {
        try {
            Files.deleteIfExists(file(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The live process a pid file names. A process that started after the file was written only
     * reuses the number (after a reboot, say) and is not ours, so it is left alone.
     */
    Optional<ProcessHandle> alive(String name) {
        Path file = file(name);
        try {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            Instant written = Files.getLastModifiedTime(file).toInstant();
            return ProcessHandle.of(Long.parseLong(Files.readString(file).trim()))
                    .filter(Processes::isRunning)
                    .filter(process -> process.info().startInstant()
                            .map(started -> !started.isAfter(written.plus(CLOCK_SLACK)))
                            .orElse(false));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Every process with a pid file that still runs, by name. */
    Map<String, ProcessHandle> allAlive() {
        Map<String, ProcessHandle> alive = new LinkedHashMap<>();
        if (!Files.isDirectory(directory)) {
            return alive;
        }
        try (Stream<Path> files = Files.list(directory)) {
            files.map(file -> file.getFileName().toString())
                    .filter(fileName -> fileName.endsWith(".pid"))
                    .map(fileName -> fileName.substring(0, fileName.length() - ".pid".length()))
                    .sorted()
                    .forEach(name -> alive(name).ifPresent(process -> alive.put(name, process)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return alive;
    }

    /** Removes every pid file (after everything has stopped). */
    void deleteAll() {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (file.getFileName().toString().endsWith(".pid")) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path file(String name) {
        return directory.resolve(name + ".pid");
    }
}
