package dev.steelyard.kpi.aging;

/** The aging buckets of kpi-definitions.md by days past due at the end of the as-of day. */
public enum AgingBucket {
    CURRENT("current"), DAYS_1_30("1-30"), DAYS_31_60("31-60"), DAYS_61_90("61-90"), DAYS_91_PLUS("91+");

    public final String label;

    AgingBucket(String label) {
        this.label = label;
    }

    /** Due today (0 days past due) is still current. */
    public static AgingBucket of(long daysPastDue) {
        if (daysPastDue <= 0) {
            return CURRENT;
        }
        if (daysPastDue <= 30) {
            return DAYS_1_30;
        }
        if (daysPastDue <= 60) {
            return DAYS_31_60;
        }
        if (daysPastDue <= 90) {
            return DAYS_61_90;
        }
        return DAYS_91_PLUS;
    }
}
