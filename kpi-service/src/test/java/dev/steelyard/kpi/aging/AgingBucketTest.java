package dev.steelyard.kpi.aging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The bucket boundaries of kpi-definitions.md. */
class AgingBucketTest {

    @Test
    void dueTodayIsCurrent() {
        assertEquals(AgingBucket.CURRENT, AgingBucket.of(0));
    }

    @Test
    void notYetDueIsCurrent() {
        assertEquals(AgingBucket.CURRENT, AgingBucket.of(-5));
    }

    @Test
    void exactlyThirtyDaysPastDueIsInOneToThirty() {
        assertEquals(AgingBucket.DAYS_1_30, AgingBucket.of(1));
        assertEquals(AgingBucket.DAYS_1_30, AgingBucket.of(30));
        assertEquals(AgingBucket.DAYS_31_60, AgingBucket.of(31));
    }

    @Test
    void exactlySixtyDaysPastDueIsInThirtyOneToSixty() {
        assertEquals(AgingBucket.DAYS_31_60, AgingBucket.of(60));
        assertEquals(AgingBucket.DAYS_61_90, AgingBucket.of(61));
    }

    @Test
    void exactlyNinetyDaysPastDueIsInSixtyOneToNinety() {
        assertEquals(AgingBucket.DAYS_61_90, AgingBucket.of(90));
        assertEquals(AgingBucket.DAYS_91_PLUS, AgingBucket.of(91));
    }
}
