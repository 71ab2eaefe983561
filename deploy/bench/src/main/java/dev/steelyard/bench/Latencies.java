package dev.steelyard.bench;

import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Recorder;
import org.HdrHistogram.Histogram;

/** Latencies in microseconds, recorded from many threads into an HdrHistogram (3 significant digits). */
public final class Latencies {

    private final Recorder recorder = new Recorder(TimeUnit.MINUTES.toMicros(10), 3);
    private Histogram total = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);

    public void recordNanos(long nanos) {
        recorder.recordValue(Math.max(0, Math.min(TimeUnit.NANOSECONDS.toMicros(nanos), TimeUnit.MINUTES.toMicros(10))));
    }

    /** Everything recorded so far; later calls include earlier values. */
    public synchronized Histogram histogram() {
        total.add(recorder.getIntervalHistogram());
        return total.copy();
    }

    public static double millis(Histogram histogram, double percentile) {
        return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getValueAtPercentile(percentile) / 1000.0;
    }
}
