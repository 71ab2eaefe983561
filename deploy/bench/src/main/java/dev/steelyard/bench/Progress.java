package dev.steelyard.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/** Progress lines on standard output, time-stamped, so a long run shows where it is. */
public final class Progress {

    private Progress() {
    }

    public static void say(String format, Object... arguments) {
        System.out.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "  " + format.formatted(arguments));
        System.out.flush();
    }

    /** The 1-minute load average, which the reports keep beside every figure (the machine is shared). */
    public static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (Exception e) {
            return Double.NaN;
        }
    }

    public static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }
}
