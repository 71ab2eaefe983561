package dev.steelyard.kpi.aging;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.steelyard.kpi.receivables.OpenItem;

/**
 * Open amounts at the end of a day by aging bucket. Open amounts of invoices whose invoice event
 * has not arrived yet (a payment came first) have no due date and are kept apart, so the buckets
 * plus {@code awaitingInvoice} always add up to AR.
 */
public record Aging(LocalDate asOf, Map<AgingBucket, BigDecimal> buckets, BigDecimal awaitingInvoice) {

    public static Aging of(LocalDate asOf, List<OpenItem> items) {
        Map<AgingBucket, BigDecimal> buckets = new EnumMap<>(AgingBucket.class);
        for (AgingBucket bucket : AgingBucket.values()) {
            buckets.put(bucket, BigDecimal.ZERO);
        }
        BigDecimal awaiting = BigDecimal.ZERO;
        for (OpenItem item : items) {
            if (item.dueDate() == null) {
                awaiting = awaiting.add(item.openAmount());
            } else {
                buckets.merge(AgingBucket.of(daysPastDue(asOf, item)), item.openAmount(), BigDecimal::add);
            }
        }
        return new Aging(asOf, buckets, awaiting);
    }

    /** D − due date in calendar days. */
    public static long daysPastDue(LocalDate asOf, OpenItem item) {
        return ChronoUnit.DAYS.between(item.dueDate(), asOf);
    }

    /** Current AR: open amounts of invoices due on or after the day. */
    public BigDecimal current() {
        return buckets.get(AgingBucket.CURRENT);
    }

    public Aging plus(Aging other) {
        Map<AgingBucket, BigDecimal> sum = new EnumMap<>(buckets);
        other.buckets.forEach((bucket, amount) -> sum.merge(bucket, amount, BigDecimal::add));
        return new Aging(asOf, sum, awaitingInvoice.add(other.awaitingInvoice));
    }

    public Aging times(BigDecimal rate) {
        Map<AgingBucket, BigDecimal> converted = new EnumMap<>(AgingBucket.class);
        buckets.forEach((bucket, amount) -> converted.put(bucket, amount.multiply(rate)));
        return new Aging(asOf, converted, awaitingInvoice.multiply(rate));
    }

    public static Aging empty(LocalDate asOf) {
        return of(asOf, List.of());
    }
}
