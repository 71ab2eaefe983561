package dev.steelyard.local;

import static dev.steelyard.local.Console.say;
import static dev.steelyard.local.Console.seconds;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code down} command. Normally it asks the supervisor to stop, which stops the rest in
 * order. If the supervisor died without cleaning up (kill -9, a crash), it finds the orphans
 * through their pid files and stops them itself, in the same order.
 */
final class StopCommand {

    private static final Duration SUPERVISOR_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration SERVICE_GRACE = Duration.ofSeconds(10);
    private static final Duration INFRASTRUCTURE_GRACE = Duration.ofSeconds(30);

    private final StackPaths paths;
    private final PidFiles pids;

    StopCommand(StackPaths paths) {
        this.paths = paths;
        this.pids = new PidFiles(paths.pids());
    }

    int run() {
        long started = System.nanoTime();
        Map<String, ProcessHandle> running = pids.allAlive();
        if (running.isEmpty()) {
            say("Steelyard is not running.");
            cleanUp();
            return 0;
        }
        Optional<ProcessHandle> supervisor = Optional.ofNullable(running.get(PidFiles.SUPERVISOR));
        if (supervisor.isPresent()) {
            say("Stopping Steelyard (supervisor pid %d)...", supervisor.get().pid());
            supervisor.get().destroy();
            awaitAllGone(running);
        } else {
            say("The supervisor is gone; stopping what it left behind...");
        }
        List<String> killed = stopLeftovers();
        cleanUp();
        stopOrder(running).forEach(name -> say("  stopped %-20s (pid %d)%s", name, running.get(name).pid(),
                killed.contains(name) ? ", killed" : ""));
        say("Steelyard stopped in %s.", seconds(started));
        return 0;
    }

    /** Waits for the supervisor's orderly shutdown, which stops every child with a pid file. */
    private static void awaitAllGone(Map<String, ProcessHandle> running) {
        long deadline = System.nanoTime() + SUPERVISOR_TIMEOUT.toNanos();
        for (ProcessHandle process : running.values()) {
            Processes.awaitExit(process, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        }
    }

    /**
     * Whatever still runs: services first, then Kafka, then PostgreSQL, each group with SIGTERM
     * and a grace period before SIGKILL. Returns the names of the processes that were killed.
     */
    private List<String> stopLeftovers() {
        Map<String, ProcessHandle> services = new LinkedHashMap<>();
        Service.ALL.forEach(service -> pids.alive(service.name()).ifPresent(p -> services.put(service.name(), p)));
        List<String> killed = new ArrayList<>();
        killed.addAll(terminate(services, SERVICE_GRACE));
        killed.addAll(terminate(only(PidFiles.KAFKA), INFRASTRUCTURE_GRACE));
        killed.addAll(terminate(only(PidFiles.POSTGRES), INFRASTRUCTURE_GRACE));
        // The supervisor did not finish in time: it has nothing left to stop.
        pids.alive(PidFiles.SUPERVISOR).ifPresent(supervisor -> {
            supervisor.destroyForcibly();
            Processes.awaitExit(supervisor, Duration.ofSeconds(5));
            killed.add(PidFiles.SUPERVISOR);
        });
        return killed;
    }

    /** The names in the order they stop: the supervisor, the services, Kafka, PostgreSQL. */
    private static List<String> stopOrder(Map<String, ProcessHandle> running) {
        List<String> order = new ArrayList<>();
        order.add(PidFiles.SUPERVISOR);
        Service.ALL.forEach(service -> order.add(service.name()));
        order.add(PidFiles.KAFKA);
        order.add(PidFiles.POSTGRES);
        running.keySet().stream().filter(name -> !order.contains(name)).forEach(order::add);
        order.retainAll(running.keySet());
        return order;
    }

    private Map<String, ProcessHandle> only(String name) {
        Map<String, ProcessHandle> found = new LinkedHashMap<>();
        pids.alive(name).ifPresent(process -> found.put(name, process));
        return found;
    }

    private static List<String> terminate(Map<String, ProcessHandle> processes, Duration grace) {
        if (processes.isEmpty()) {
            return List.of();
        }
        List<ProcessHandle> killed = Processes.terminate(processes.values(), grace);
        return processes.entrySet().stream().filter(entry -> killed.contains(entry.getValue())).map(Map.Entry::getKey)
                .toList();
    }

    private void cleanUp() {
        pids.deleteAll();
        try {
            Files.deleteIfExists(paths.readyMarker());
            Files.deleteIfExists(paths.stackDescription());
            Files.deleteIfExists(paths.kafka().resolve("broker.pid"));
        } catch (IOException e) {
            say("Could not remove the state files in %s: %s", paths.show(paths.run()), e.getMessage());
        }
    }
}
