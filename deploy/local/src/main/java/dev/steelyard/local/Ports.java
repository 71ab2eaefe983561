package dev.steelyard.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/** Whether a TCP port is free, and if not, which process listens on it (Linux /proc, best effort). */
final class Ports {

    private static final String LISTEN = "0A";

    private Ports() {
    }

    /**
     * STEELYARD_PORT_OFFSET (0 to 1000, default 0) moves every port of the stack, so a second
     * stack (the end-to-end tests', a benchmark's) can run beside a developer's.
     */
    static int offset() {
        String value = System.getenv("STEELYARD_PORT_OFFSET");
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            int offset = Integer.parseInt(value.trim());
            if (offset >= 0 && offset <= 1000) {
                return offset;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw new IllegalArgumentException("STEELYARD_PORT_OFFSET must be a whole number from 0 to 1000, not '"
                + value + "'; unset it to use the standard ports");
    }

    /** Binding the wildcard address fails if anything listens on the port on any address. */
    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static boolean reachable(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** "pid 4242 (java -jar ...)" for the process listening on the port, or a vaguer phrase. */
    static String describeHolder(int port) {
        return listener(port)
                .map(process -> "pid " + process.pid() + " (" + commandLine(process) + ")")
                .orElse("another process (not visible to this user)");
    }

    static Optional<ProcessHandle> listener(int port) {
        OptionalLong inode = listeningSocketInode(port);
        if (inode.isEmpty()) {
            return Optional.empty();
        }
        String link = "socket:[" + inode.getAsLong() + "]";
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(dir -> dir.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(dir -> holdsSocket(dir, link))
                    .findFirst()
                    .flatMap(dir -> ProcessHandle.of(Long.parseLong(dir.getFileName().toString())));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** /proc/net/tcp lines: sl local_address rem_address st ... uid timeout inode, ports in hex. */
    private static OptionalLong listeningSocketInode(int port) {
        String hexPort = String.format(":%04X", port);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                for (String line : Files.readAllLines(Path.of(table))) {
                    String[] fields = line.trim().split("\\s+");
                    if (fields.length > 9 && fields[1].endsWith(hexPort) && LISTEN.equals(fields[3])) {
                        return OptionalLong.of(Long.parseLong(fields[9]));
                    }
                }
            } catch (IOException | NumberFormatException e) {
                // Not Linux, or not readable: the caller says it does not know.
            }
        }
        return OptionalLong.empty();
    }

    private static boolean holdsSocket(Path processDirectory, String link) {
        try (Stream<Path> descriptors = Files.list(processDirectory.resolve("fd"))) {
            return descriptors.anyMatch(descriptor -> {
                try {
                    return Files.readSymbolicLink(descriptor).toString().equals(link);
                } catch (IOException | UnsupportedOperationException e) {
                    return false;
                }
            });
        } catch (IOException e) {
            return false;
        }
    }

    /** The program and its arguments, without the class path, which is long and says little. */
    private static String commandLine(ProcessHandle process) {
        ProcessHandle.Info info = process.info();
        List<String> words = new ArrayList<>();
        words.add(info.command().map(command -> Path.of(command).getFileName().toString()).orElse("unknown command"));
        String[] arguments = info.arguments().orElse(new String[0]);
        for (int i = 0; i < arguments.length; i++) {
            if (arguments[i].equals("-cp") || arguments[i].equals("-classpath")) {
                i++;
            } else {
                words.add(arguments[i]);
            }
        }
        String line = String.join(" ", words);
        return line.length() <= 120 ? line : line.substring(0, 117) + "...";
    }
}
