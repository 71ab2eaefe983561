package dev.steelyard.bench;

public final class RebuildBenchmark {
    static final String NAME = "rebuild";
    private final BenchContext context;
    public RebuildBenchmark(BenchContext context) { this.context = context; }
    public void run() throws Exception { }
}
