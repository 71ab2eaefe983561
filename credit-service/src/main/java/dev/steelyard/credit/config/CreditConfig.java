package dev.steelyard.credit.config;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Credit policy: defaults for every legal entity and overrides per entity. */
@ConfigMapping(prefix = "steelyard.credit")
public interface CreditConfig {

    EntityPolicy defaults();

    /** Overrides by legal entity; an entity listed here takes every setting it does not name from the defaults' @WithDefault values. */
    Map<String, EntityPolicy> entity();

    /** The policy of one legal entity. */
    default EntityPolicy policy(String legalEntity) {
        return entity().getOrDefault(legalEntity, defaults());
    }

    /** What one legal entity's credit managers agreed. */
    interface EntityPolicy {

        /** A limit above this amount (in the limit's currency) needs a second credit manager's approval. */
        @WithDefault("100000")
        BigDecimal approvalThreshold();

        /** Credit is held when the oldest past-due invoice is more than this many days past due. */
        @WithDefault("60")
        int pastDueHoldDays();

        /** Whether unapplied cash reduces exposure. */
        @WithDefault("true")
        boolean netUnappliedCash();

        /** "Today" is the date in this zone. */
        @WithDefault("UTC")
        ZoneId zone();

        ReviewCadence review();
    }

    /** Days between scheduled reviews by risk class: the riskier, the more often. */
    interface ReviewCadence {

        @WithDefault("365")
        int a();

        @WithDefault("180")
        int b();

        @WithDefault("90")
        int c();

        @WithDefault("30")
        int d();

        @WithDefault("7")
        int e();
    }
}
