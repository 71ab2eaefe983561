package dev.steelyard.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** What every benchmark of one run shares: the stack, its interfaces, the settings and the results so far. */
public final class BenchContext {

    public final BenchStack stack;
    public final Suite suite;
    /** Measured rounds per figure after the warm-up; the report gives their median. */
    public final int rounds;
    /** Concurrent clients for throughput (and connections of the PostgreSQL reference). */
    public final int clients;
    /** Makes this run's invoice numbers, payment ids and legal entities unique on a reused stack. */
    public final String runTag;
    public final List<Integer> historySizes;
    public final double seedBudgetMinutes;
    public final List<Result> results = new ArrayList<>();
    private final AtomicLong sequence = new AtomicLong();

    /** The intake generator's rate under the heavy freshness load, when given (--heavy-rate). */
    public Double heavyRate;
    /** Single-invoice intake the suite sustained in this run, once the intake benchmark measured it. */
    public Double intakePerSecond;
    /** RSS in KiB per process at rest, and at the end of the intake load. */
    public Map<String, Long> memoryAtRest;
    public Map<String, Long> memoryUnderLoad;
    public double memoryUnderLoadLoadAverage;

    public BenchContext(BenchStack stack, int rounds, int clients, List<Integer> historySizes,
            double seedBudgetMinutes) {
        this.stack = stack;
        this.suite = new Suite(stack);
        this.rounds = rounds;
        this.clients = clients;
        this.historySizes = historySizes;
        this.seedBudgetMinutes = seedBudgetMinutes;
        this.runTag = Long.toString(System.currentTimeMillis() / 1000 % 100_000_000L, 36).toUpperCase();
    }

    public String entity(String purpose) {
        return "B" + purpose + "-" + runTag;
    }

    /** An invoice of the entity nobody else posts: unique number, one of 500 customers, a day of 2024. */
    public Suite.Invoice invoice(String legalEntity) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new Suite.Invoice(legalEntity, runTag + "-" + sequence.incrementAndGet(),
                "C" + random.nextInt(500), LocalDate.of(2024, 1, 1).plusDays(random.nextInt(366)),
                amount(random));
    }

    public static BigDecimal amount(Random random) {
        return BigDecimal.valueOf(10_000 + random.nextInt(9_990_000), 2).setScale(2, RoundingMode.UNNECESSARY);
    }

    public void add(Result result) {
        results.add(result);
        Progress.say("  => %s", Report.line(result));
    }
}
