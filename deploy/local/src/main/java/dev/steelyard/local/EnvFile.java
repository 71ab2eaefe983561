package dev.steelyard.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A shell-sourceable file of KEY=value lines that holds secrets, so only its owner may read it. */
final class EnvFile {

    private EnvFile() {
    }

    static Map<String, String> read(Path file) {
        Map<String, String> values = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return values;
        }
        try {
            for (String line : Files.readAllLines(file)) {
                int equals = line.indexOf('=');
                if (!line.isBlank() && !line.startsWith("#") && equals > 0) {
                    values.put(line.substring(0, equals).trim(), line.substring(equals + 1).trim());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return values;
    }

    static void write(Path file, List<String> comments, Map<String, String> values) {
        List<String> lines = new ArrayList<>();
        comments.forEach(comment -> lines.add("# " + comment));
        values.forEach((key, value) -> lines.add(key + "=" + value));
        writePrivately(file, String.join("\n", lines) + "\n");
    }

    /** Writes a file readable by its owner only (on file systems that know POSIX permissions). */
    static void writePrivately(Path file, String content) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, content);
            restrictToOwner(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void restrictToOwner(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // Not a POSIX file system: the run directory's own permissions have to do.
        }
    }
}
