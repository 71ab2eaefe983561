package dev.steelyard.bench;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Latency at a given load: requests start on a fixed schedule whatever the answers do (open loop),
 * and each latency is measured from the request's scheduled start, so a stall counts against every
 * request it delays (no coordinated omission).
 */
public final class OpenLoop {

    private OpenLoop() {
    }

    /** Sends at {@code perSecond} for {@code seconds}; returns the number of failed requests. */
    public static long run(double perSecond, double seconds, Latencies latencies,
            Supplier<CompletableFuture<Boolean>> request) {
        long interval = (long) (1e9 / perSecond);
        long start = System.nanoTime();
        long count = (long) (perSecond * seconds);
        AtomicLong failures = new AtomicLong();
        AtomicLong outstanding = new AtomicLong();
        for (long i = 0; i < count; i++) {
            long scheduled = start + i * interval;
            long wait = scheduled - System.nanoTime();
            if (wait > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
            }
            outstanding.incrementAndGet();
            CompletableFuture<Boolean> answer;
            try {
                answer = request.get();
            } catch (RuntimeException e) {
                answer = CompletableFuture.failedFuture(e);
            }
            answer.whenComplete((ok, failure) -> {
                latencies.recordNanos(System.nanoTime() - scheduled);
                if (failure != null || !Boolean.TRUE.equals(ok)) {
                    failures.incrementAndGet();
                }
                outstanding.decrementAndGet();
            });
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (outstanding.get() > 0 && System.nanoTime() < deadline) {
            Progress.pause(10);
        }
        return failures.get();
    }
}
