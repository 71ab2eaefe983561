package dev.steelyard.kpi.receivables;

import java.math.BigDecimal;

/** Balances at the end of a day in one currency: AR and what is reported beside it. */
public record Balances(BigDecimal ar, BigDecimal unappliedCash, BigDecimal unallocatedCredit) {

    public static final Balances ZERO = new Balances(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
}
