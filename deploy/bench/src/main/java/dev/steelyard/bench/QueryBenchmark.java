package dev.steelyard.bench;

public final class QueryBenchmark {
    static final String NAME = "queries";
    private final BenchContext context;
    public QueryBenchmark(BenchContext context) { this.context = context; }
    public String run() throws Exception { return ""; }
}
