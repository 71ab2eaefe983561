package dev.steelyard.local.load;

import java.io.PrintStream;

/**
 * A one-line progress bar with the rate so far, redrawn at most ten times a second on a terminal;
 * written to a pipe or log, it is a line every five seconds instead.
 */
final class ProgressBar {

    private static final int WIDTH = 40;

    private static final long TERMINAL_REDRAW = 100_000_000L;
    private static final long LOG_LINE = 5_000_000_000L;

    private final PrintStream out;
    private final int total;
    private final boolean terminal = System.console() != null;
    private final long started = System.nanoTime();
    private int done;
    private long lastDrawn;
    private int drawn = -1;

    ProgressBar(PrintStream out, int total) {
        this.out = out;
        this.total = total;
    }

    synchronized void advance() {
        done++;
        long now = System.nanoTime();
        if (done == total || now - lastDrawn > (terminal ? TERMINAL_REDRAW : LOG_LINE)) {
            lastDrawn = now;
            draw(now);
        }
    }

    synchronized void finish() {
        if (terminal) {
            draw(System.nanoTime());
            out.println();
        } else if (drawn != done) {
            draw(System.nanoTime());
        }
    }

    private void draw(long now) {
        drawn = done;
        int filled = total == 0 ? WIDTH : (int) ((long) done * WIDTH / total);
        double seconds = Math.max(0.001, (now - started) / 1e9);
        out.printf("%s[%s%s] %d/%d (%d%%) %.0f req/s%s", terminal ? "\r" : "", "#".repeat(filled),
                ".".repeat(WIDTH - filled), done, total, total == 0 ? 100 : done * 100L / total, done / seconds,
                terminal ? "" : System.lineSeparator());
        out.flush();
    }
}
