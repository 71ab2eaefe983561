package dev.steelyard.local.load;

import java.io.PrintStream;

/** A one-line progress bar with the rate so far, redrawn at most ten times a second. */
final class ProgressBar {

    private static final int WIDTH = 40;

    private final PrintStream out;
    private final int total;
    private final long started = System.nanoTime();
    private int done;
    private long lastDrawn;

    ProgressBar(PrintStream out, int total) {
        this.out = out;
        this.total = total;
    }

    synchronized void advance() {
        done++;
        long now = System.nanoTime();
        if (done == total || now - lastDrawn > 100_000_000L) {
            lastDrawn = now;
            draw(now);
        }
    }

    synchronized void finish() {
        draw(System.nanoTime());
        out.println();
    }

    private void draw(long now) {
        int filled = total == 0 ? WIDTH : (int) ((long) done * WIDTH / total);
        double seconds = Math.max(0.001, (now - started) / 1e9);
        out.printf("\r[%s%s] %d/%d (%d%%) %.0f req/s", "#".repeat(filled), ".".repeat(WIDTH - filled), done, total,
                total == 0 ? 100 : done * 100L / total, done / seconds);
        out.flush();
    }
}
