package dev.steelyard.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Stopping processes the way the stack promises: SIGTERM, a grace period, then SIGKILL. */
final class Processes {

    private static final Duration POLL = Duration.ofMillis(100);

    private Processes() {
    }

    /**
     * Sends SIGTERM to every process at once (they shut down in parallel), waits up to the grace
     * period for all of them, then kills what is left. Returns the processes that had to be killed.
     */
    static List<ProcessHandle> terminate(Collection<ProcessHandle> processes, Duration grace) {
        processes.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        List<ProcessHandle> killed = new ArrayList<>();
        for (ProcessHandle process : processes) {
            if (!awaitExit(process, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
                process.destroyForcibly();
                killed.add(process);
            }
        }
        killed.forEach(process -> awaitExit(process, Duration.ofSeconds(5)));
        return killed;
    }

    /**
     * Polls rather than using onExit(): a process that is not our child and has exited stays a
     * zombie until its new parent reaps it, and the JDK counts zombies as alive.
     */
    static boolean awaitExit(ProcessHandle process, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (isRunning(process)) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return !isRunning(process);
            }
        }
        return true;
    }

    /** Alive and not a zombie (state Z in /proc/<pid>/stat, after the parenthesised command name). */
    static boolean isRunning(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            return !stat.substring(stat.lastIndexOf(')') + 1).trim().startsWith("Z");
        } catch (IOException | RuntimeException e) {
            return process.isAlive(); // not Linux, or gone meanwhile
        }
    }
}
