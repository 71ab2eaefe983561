package dev.steelyard.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Throughput: a fixed number of clients, each sending its next request as soon as the last was
 * answered, for a fixed time. Each call of the action reports how many items it completed.
 */
public final class ClosedLoop {

    /** One client's unit of work; returns the number of items it completed (0 for a failure). */
    @FunctionalInterface
    public interface Action {
        int run(int client) throws Exception;
    }

    private ClosedLoop() {
    }

    /** Items per second over the window. */
    public static double run(int clients, double seconds, Action action) {
        AtomicLong items = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        AtomicReference<Exception> firstFailure = new AtomicReference<>();
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < end) {
                    try {
                        items.addAndGet(action.run(client));
                    } catch (Exception e) {
                        failures.incrementAndGet();
                        firstFailure.compareAndSet(null, e);
                    }
                }
            }, "client-" + c);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted");
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (failures.get() > 0) {
            Progress.say("    %d failed requests, first: %s", failures.get(), firstFailure.get().getMessage());
        }
        return items.get() / elapsed;
    }
}
