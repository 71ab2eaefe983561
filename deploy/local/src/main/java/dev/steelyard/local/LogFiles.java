package dev.steelyard.local;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** Reading the end of a log file, to show why something failed without sending the user hunting. */
final class LogFiles {

    /** Enough for the last lines of any log, however long it has grown. */
    private static final int TAIL_BYTES = 64 * 1024;
    /** A start that failed has written little; a long log is not worth reading through. */
    private static final int MAX_SCANNED_LINES = 20_000;

    private LogFiles() {
    }

    static List<String> lastLines(Path file, int count) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try (RandomAccessFile log = new RandomAccessFile(file.toFile(), "r")) {
            long start = Math.max(0, log.length() - TAIL_BYTES);
            byte[] bytes = new byte[(int) (log.length() - start)];
            log.seek(start);
            log.readFully(bytes);
            String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\\R");
            return Arrays.asList(lines).subList(Math.max(0, lines.length - count), lines.length);
        } catch (IOException e) {
            return List.of("(cannot read " + file + ": " + e.getMessage() + ")");
        }
    }

    /**
     * "Last 20 lines of <log>:" and the lines, indented, for a failure message. A failed Quarkus
     * start ends in a long stack trace, so the first error and its root cause come first.
     */
    static String tail(StackPaths paths, Path file, int count) {
        StringBuilder text = new StringBuilder();
        List<String> error = firstError(file);
        if (!error.isEmpty()) {
            text.append("First error in ").append(paths.show(file)).append(":");
            error.forEach(line -> text.append("\n    | ").append(line));
            text.append("\n");
        }
        text.append("Last ").append(count).append(" lines of ").append(paths.show(file)).append(":");
        lastLines(file, count).forEach(line -> text.append("\n    | ").append(line));
        return text.toString();
    }

    /** The first ERROR record and the deepest "Caused by:" of its stack trace, if any. */
    static List<String> firstError(Path file) {
        List<String> error = new ArrayList<>();
        try (Stream<String> lines = Files.lines(file, StandardCharsets.ISO_8859_1)) {
            String rootCause = null;
            for (String line : (Iterable<String>) lines.limit(MAX_SCANNED_LINES)::iterator) {
                if (error.isEmpty()) {
                    if (line.contains(" ERROR ")) {
                        error.add(utf8(line));
                    }
                } else if (line.startsWith("Caused by:")) {
                    rootCause = utf8(line);
                } else if (!line.isEmpty() && Character.isDigit(line.charAt(0))) {
                    break; // the next log record: the stack trace is over
                }
            }
            if (rootCause != null) {
                error.add(rootCause);
            }
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
        return error;
    }

    /** Read as ISO-8859-1 so that no byte sequence fails to decode, then decoded as what it is. */
    private static String utf8(String line) {
        return new String(line.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }
}
