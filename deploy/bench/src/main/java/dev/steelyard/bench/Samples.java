package dev.steelyard.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Exact order statistics of a few values: medians of rounds. */
public final class Samples {

    private final List<Double> values = new ArrayList<>();

    public void add(double value) {
        values.add(value);
    }

    public int size() {
        return values.size();
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    public double median() {
        return quantile(0.5);
    }

    public double p99() {
        return quantile(0.99);
    }

    public double max() {
        return sorted().get(values.size() - 1);
    }

    /** Nearest rank, like HdrHistogram's percentiles; the median of an even count is the mean of the two middle values. */
    public double quantile(double q) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = sorted();
        if (q == 0.5 && sorted.size() % 2 == 0) {
            return (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
        }
        int rank = (int) Math.ceil(q * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    public List<Double> values() {
        return List.copyOf(values);
    }

    private List<Double> sorted() {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted;
    }
}
