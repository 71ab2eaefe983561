package dev.steelyard.local;

/** What the user reads. Flushed at once: the supervisor writes to a log that the launcher relays. */
final class Console {

    private Console() {
    }

    static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }

    static void say(String format, Object... arguments) {
        say(String.format(format, arguments));
    }

    static String seconds(long startedNanos) {
        return String.format("%.1f s", (System.nanoTime() - startedNanos) / 1e9);
    }
}
