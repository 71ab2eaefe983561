package dev.steelyard.local;

import static dev.steelyard.local.Console.say;
import static dev.steelyard.local.Console.seconds;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * Waits until every service answers its readiness check, saying which are ready as they come
 * up. A service that exits, or is not ready in time, fails the start with the end of its log.
 */
final class ReadinessWait {

    static final Duration TIMEOUT = Duration.ofSeconds(180);
    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(5);
    private static final Duration POLL = Duration.ofMillis(500);

    private final StackPaths paths;
    private final List<ServiceProcess> services;
    private final BooleanSupplier stopRequested;

    ReadinessWait(StackPaths paths, List<ServiceProcess> services, BooleanSupplier stopRequested) {
        this.paths = paths;
        this.services = services;
        this.stopRequested = stopRequested;
    }

    void await() {
        long started = System.nanoTime();
        long deadline = started + TIMEOUT.toNanos();
        long nextProgress = started + PROGRESS_INTERVAL.toNanos();
        Set<ServiceProcess> ready = new LinkedHashSet<>();
        while (true) {
            for (ServiceProcess service : services) {
                if (stopRequested.getAsBoolean()) {
                    throw new StopRequested();
                }
                if (!ready.contains(service) && isReady(service)) {
                    ready.add(service);
                    say("  %-20s ready after %s", service.service().name(), seconds(started));
                }
            }
            List<ServiceProcess> waiting = services.stream().filter(service -> !ready.contains(service)).toList();
            if (waiting.isEmpty()) {
                return;
            }
            long now = System.nanoTime();
            if (now > deadline) {
                throw notReadyInTime(waiting);
            }
            if (now > nextProgress) {
                say("  ... %d s: %d of %d ready, waiting for %s", Duration.ofNanos(now - started).toSeconds(),
                        ready.size(), services.size(), names(waiting));
                nextProgress = now + PROGRESS_INTERVAL.toNanos();
            }
            pause();
        }
    }

    private boolean isReady(ServiceProcess service) {
        if (!service.isAlive()) {
            throw new StartupFailed(service.service().name() + " stopped (exit code " + service.process().exitValue()
                    + ") before it was ready.\n" + LogFiles.tail(paths, service.log(), Supervisor.LOG_LINES));
        }
        return Health.ready(service.service().port());
    }

    private StartupFailed notReadyInTime(List<ServiceProcess> waiting) {
        StringBuilder message = new StringBuilder("Not ready within " + TIMEOUT.toSeconds() + " s: " + names(waiting) + ".");
        waiting.forEach(service -> message.append("\n")
                .append(LogFiles.tail(paths, service.log(), Supervisor.LOG_LINES)));
        return new StartupFailed(message.toString());
    }

    private static String names(List<ServiceProcess> services) {
        return services.stream().map(service -> service.service().name()).collect(Collectors.joining(", "));
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StopRequested();
        }
    }
}
