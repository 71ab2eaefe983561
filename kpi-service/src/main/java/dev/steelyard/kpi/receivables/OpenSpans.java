package dev.steelyard.kpi.receivables;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The days on which an invoice may have a non-zero open amount, as its ledger entries told at each
 * time one of them arrived. Only the entries decide, never the order they were applied in, so a
 * rebuild that keeps each event's received_at gets the same spans.
 */
public final class OpenSpans {

    /** Days since the epoch standing for "no end" in a {@link Version#knownBox()}. */
    static final double OPEN_DAY = 1e7;

    /** Seconds since the epoch standing for "no end" in a {@link Version#knownBox()}. */
    static final double OPEN_SECOND = 1e11;

    private OpenSpans() {
    }

    /** One ledger entry of an invoice. */
    public record Entry(Instant receivedAt, LocalDate businessDate, BigDecimal arChange) {
    }

    /**
     * The span [first, closed) known from knownFrom until knownUntil (null: known now); closed is
     * null while the invoice is open at the end of its last movement's day.
     */
    public record Version(Instant knownFrom, Instant knownUntil, LocalDate first, LocalDate closed) {

        /** No day on which the invoice is open (e.g. paid in full on its issue date). */
        public boolean isEmpty() {
            return closed != null && !closed.isAfter(first);
        }

        /**
         * The rectangle (seconds since the epoch, days since the epoch) in which the invoice may be
         * open: known time widened to whole seconds, the last open day inclusive.
         */
        public double[] knownBox() {
            double fromSecond = knownFrom.getEpochSecond();
            double untilSecond = knownUntil == null ? OPEN_SECOND
                    : knownUntil.getEpochSecond() + (knownUntil.getNano() > 0 ? 1 : 0);
            double lastDay = closed == null ? OPEN_DAY : closed.toEpochDay() - 1;
            return new double[] { fromSecond, first.toEpochDay(), untilSecond, lastDay };
        }

        boolean sameSpan(Version other) {
            return first.equals(other.first) && Objects.equals(closed, other.closed);
        }
    }

    /**
     * The invoice's span after each distinct reception time of its entries, oldest first, with
     * consecutive equal spans merged; the last one is the span known now (knownUntil null).
     */
    public static List<Version> versions(List<Entry> entries) {
        List<Entry> byReception = new ArrayList<>(entries);
        byReception.sort(Comparator.comparing(Entry::receivedAt));
        List<Version> versions = new ArrayList<>();
        TreeMap<LocalDate, BigDecimal> days = new TreeMap<>();
        for (int i = 0; i < byReception.size(); i++) {
            Entry entry = byReception.get(i);
            days.merge(entry.businessDate(), entry.arChange(), BigDecimal::add);
            boolean lastOfItsReception = i + 1 == byReception.size()
                    || !byReception.get(i + 1).receivedAt().equals(entry.receivedAt());
            if (!lastOfItsReception) {
                continue;
            }
            Version version = span(entry.receivedAt(), days);
            if (!versions.isEmpty()) {
                Version previous = versions.get(versions.size() - 1);
                if (previous.sameSpan(version)) {
                    continue;
                }
                versions.set(versions.size() - 1, new Version(previous.knownFrom(), entry.receivedAt(),
                        previous.first(), previous.closed()));
            }
            versions.add(version);
        }
        return versions;
    }

    /** From the first movement to the first day of the final run of days with a zero balance. */
    private static Version span(Instant knownFrom, TreeMap<LocalDate, BigDecimal> days) {
        BigDecimal balance = BigDecimal.ZERO;
        LocalDate closed = null;
        for (var day : days.entrySet()) {
            balance = balance.add(day.getValue());
            closed = balance.signum() == 0 ? (closed == null ? day.getKey() : closed) : null;
        }
        return new Version(knownFrom, null, days.firstKey(), closed);
    }
}
