package dev.steelyard.payments.config;

import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How each legal entity applies cash that no remittance reference or exact amount placed, and
 * how small a short payment may be to be written off. Entities without their own entry use the defaults.
 */
@ConfigMapping(prefix = "steelyard.cash-application")
public interface CashApplicationConfig {

    /** What happens to cash that references and the exact-amount match did not place. */
    enum Rule {
        /** Settle the customer's open invoices, earliest due date first; also feeds new invoices from unapplied cash. */
        OLDEST_DUE_FIRST,
        /** Keep the cash unapplied until someone applies it through the API. */
        LEAVE_UNAPPLIED
    }

    @WithDefault("OLDEST_DUE_FIRST")
    Rule rule();

    /** Largest short payment written off, in minor units of the invoice currency (5 = 0.05 USD, 5 JPY, 0.005 KWD). */
    @WithDefault("5")
    long writeOffToleranceMinorUnits();

    /** Per legal entity overrides, e.g. {@code steelyard.cash-application.entities."391".rule=LEAVE_UNAPPLIED}. */
    Map<String, EntityRule> entities();

    interface EntityRule {
        Optional<Rule> rule();

        Optional<Long> writeOffToleranceMinorUnits();
    }

    default Rule ruleFor(String legalEntity) {
        EntityRule own = entities().get(legalEntity);
        return own == null ? rule() : own.rule().orElse(rule());
    }

    default long writeOffToleranceMinorUnitsFor(String legalEntity) {
        EntityRule own = entities().get(legalEntity);
        return own == null ? writeOffToleranceMinorUnits()
                : own.writeOffToleranceMinorUnits().orElse(writeOffToleranceMinorUnits());
    }
}
