package dev.steelyard.bench;

/**
 * One line of the report: a figure's median over rounds (and its p99 where it is a latency), the
 * physical reference measured in the same run, and their ratio.
 */
public record Result(String benchmark, String figure, String unit, double median, double p99, String reference,
        double referenceMedian, double referenceP99, double ratio, double loadAverage, String note) {

    public static Result of(String benchmark, String figure, String unit, double median, double p99,
            String reference, double referenceMedian, double referenceP99, double loadAverage) {
        double ratio = Double.isNaN(referenceMedian) || referenceMedian == 0 ? Double.NaN : median / referenceMedian;
        return new Result(benchmark, figure, unit, median, p99, reference, referenceMedian, referenceP99, ratio,
                loadAverage, "");
    }

    public Result withNote(String text) {
        return new Result(benchmark, figure, unit, median, p99, reference, referenceMedian, referenceP99, ratio,
                loadAverage, text);
    }
}
