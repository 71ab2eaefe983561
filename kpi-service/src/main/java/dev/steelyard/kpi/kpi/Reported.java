package dev.steelyard.kpi.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.steelyard.chassis.money.Money;
import dev.steelyard.kpi.aging.Aging;
import dev.steelyard.kpi.aging.AgingBucket;

/** Rounding for reports only: money half-even to the currency's minor unit. */
public final class Reported {

    private Reported() {
    }

    public static String money(BigDecimal amount, String currency) {
        int scale = currency == null ? 2 : Money.minorUnits(Money.currency(currency));
        return amount.setScale(scale, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** The buckets in their order, then what awaits its invoice event. */
    public static Map<String, String> aging(Aging aging, String currency) {
        Map<String, String> buckets = new LinkedHashMap<>();
        for (AgingBucket bucket : AgingBucket.values()) {
            buckets.put(bucket.label, money(aging.buckets().get(bucket), currency));
        }
        buckets.put("awaitingInvoice", money(aging.awaitingInvoice(), currency));
        return buckets;
    }
}
