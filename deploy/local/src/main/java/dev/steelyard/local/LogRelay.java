package dev.steelyard.local;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

/** Copies what a log file gained since the last call to standard output, like tail -f. */
final class LogRelay {

    private final Path file;
    private long offset;

    LogRelay(Path file) {
        this.file = file;
    }

    /** Synchronized: the main thread and the Ctrl-C hook both pump, and no line may show twice. */
    synchronized void pump() {
        if (!Files.exists(file)) {
            return;
        }
        try (RandomAccessFile log = new RandomAccessFile(file.toFile(), "r")) {
            long length = log.length();
            if (length <= offset) {
                return;
            }
            byte[] bytes = new byte[(int) Math.min(length - offset, 1 << 20)];
            log.seek(offset);
            log.readFully(bytes);
            offset += bytes.length;
            System.out.write(bytes);
            System.out.flush();
        } catch (IOException e) {
            // The next call tries again.
        }
    }
}
