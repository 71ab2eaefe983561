package dev.steelyard.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * How {@code stop}, {@code start} and {@code restart} reach the running supervisor, another JVM:
 * a request file in {@code run/control/} that the supervisor picks up, carries out and answers
 * with a reply file. Files rather than a socket, so that nothing listens and the run directory's
 * permissions are the only access control, as for the pid files.
 */
final class ControlChannel {

    private static final String REQUEST = ".request";
    private static final String REPLY = ".reply";
    private static final Duration POLL = Duration.ofMillis(200);

    /** What the supervisor answers: an exit code for the command and what it says. */
    record Reply(int exitCode, String message) {
    }

    private final Path directory;

    ControlChannel(Path directory) {
        this.directory = directory;
    }

    /** Client side: leaves a request and waits for its reply; empty if none came in time. */
    Optional<Reply> send(String request, Duration timeout) {
        String id = UUID.randomUUID().toString();
        try {
            Files.createDirectories(directory);
            Path written = directory.resolve(id + ".tmp");
            Files.writeString(written, request + "\n");
            move(written, directory.resolve(id + REQUEST));
            Path reply = directory.resolve(id + REPLY);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                if (Files.exists(reply)) {
                    List<String> lines = Files.readAllLines(reply);
                    Files.deleteIfExists(reply);
                    return Optional.of(new Reply(Integer.parseInt(lines.get(0).trim()),
                            String.join("\n", lines.subList(1, lines.size()))));
                }
                Thread.sleep(POLL.toMillis());
            }
            // Nobody answered: take the request back, unless the supervisor is carrying it out.
            Files.deleteIfExists(directory.resolve(id + REQUEST));
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /**
     * Supervisor side: carries out every waiting request, oldest first, one at a time, and
     * writes its reply. Returns once none is left.
     */
    void serve(Function<String, Reply> handler) {
        for (Path request : waiting()) {
            String text;
            try {
                text = Files.readString(request).trim();
                Files.delete(request);
            } catch (IOException e) {
                continue; // taken back by its sender
            }
            String id = request.getFileName().toString();
            id = id.substring(0, id.length() - REQUEST.length());
            Reply reply = handler.apply(text);
            try {
                Path written = directory.resolve(id + ".tmp");
                Files.writeString(written, reply.exitCode() + "\n" + reply.message() + "\n");
                move(written, directory.resolve(id + REPLY));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Removes what an earlier stack left behind. */
    void clear() {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Path> waiting() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(REQUEST))
                    .sorted((a, b) -> Long.compare(modified(a), modified(b))).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    /** A request or reply appears whole or not at all. */
    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
