package dev.steelyard.local;

import static dev.steelyard.local.Console.say;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The {@code up} command. It starts the supervisor as a separate process in a session of its
 * own and shows the supervisor's output. The separate session matters: Ctrl-C in a terminal
 * signals the whole foreground process group at once, which would stop Kafka and the services
 * together. Instead this launcher takes the Ctrl-C and asks the supervisor to stop, which then
 * stops everything in order. With {@code --detach} it returns once the stack is ready and leaves
 * the supervisor running.
 */
final class Launcher {

    private static final Duration POLL = Duration.ofMillis(200);
    /** Longer than the supervisor's own worst case (services 10 s, Kafka 30 s, PostgreSQL). */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(120);

    private final StackPaths paths;
    private final PidFiles pids;
    private volatile boolean handedOver;

    Launcher(StackPaths paths) {
        this.paths = paths;
        this.pids = new PidFiles(paths.pids());
    }

    int up(boolean detach) {
        Optional<ProcessHandle> running = pids.alive(PidFiles.SUPERVISOR);
        if (running.isPresent()) {
            say("Steelyard is already running (supervisor pid %d). See deploy/local/steelyard status,"
                    + " or stop it with deploy/local/steelyard down.", running.get().pid());
            return 1;
        }
        Path log = paths.log(PidFiles.SUPERVISOR);
        Process supervisor = startSupervisor(log, detach);
        LogRelay relay = new LogRelay(log);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopSupervisor(supervisor, relay), "steelyard-up-stop"));
        boolean ready = false;
        while (true) {
            relay.pump();
            if (!ready && Files.exists(paths.readyMarker())) {
                ready = true;
                if (detach) {
                    relay.pump();
                    handedOver = true;
                    say("Steelyard runs in the background (supervisor pid %d, log %s).", supervisor.pid(),
                            paths.show(log));
                    return 0;
                }
            }
            if (!supervisor.isAlive()) {
                relay.pump();
                handedOver = true;
                return ready ? 0 : 1;
            }
            sleep(POLL);
        }
    }

    private Process startSupervisor(Path log, boolean detach) {
        List<String> command = new ArrayList<>();
        setsid().ifPresent(command::add);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-D" + StackPaths.ROOT_PROPERTY + "=" + paths.root(),
                "-D" + LocalStack.LAUNCHED_AT_PROPERTY + "=" + System.currentTimeMillis(),
                "-cp", System.getProperty("java.class.path"),
                LocalStack.class.getName(), "supervise"));
        if (detach) {
            command.add("--detached");
        }
        try {
            Files.createDirectories(log.getParent());
            Files.deleteIfExists(paths.readyMarker());
            return new ProcessBuilder(command)
                    .directory(paths.root().toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the supervisor", e);
        }
    }

    /** On Ctrl-C (or SIGTERM) before the hand-over: stop the stack and show how it goes. */
    private void stopSupervisor(Process supervisor, LogRelay relay) {
        if (handedOver || !supervisor.isAlive()) {
            return;
        }
        supervisor.destroy();
        long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
        while (supervisor.isAlive() && System.nanoTime() < deadline) {
            relay.pump();
            sleep(POLL);
        }
        relay.pump();
        if (supervisor.isAlive()) {
            say("The supervisor (pid %d) has not stopped yet; run deploy/local/steelyard down.", supervisor.pid());
        }
    }

    /**
     * util-linux setsid puts the supervisor in a new session without forking (it is not a group
     * leader), so the pid stays the supervisor's. Without it, Ctrl-C reaches every process at once.
     */
    private static Optional<String> setsid() {
        return Stream.of("/usr/bin/setsid", "/bin/setsid").filter(path -> Files.isExecutable(Path.of(path))).findFirst();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
