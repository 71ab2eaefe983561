package dev.steelyard.collections.dunning;

import java.time.Clock;
import java.time.LocalDate;

import org.jboss.logging.Logger;

import dev.steelyard.collections.receivables.Receivable;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Runs dunning for every legal entity as of today in the entity's own time zone, read from the injectable clock. */
@ApplicationScoped
public class DailyDunningRun {

    private static final Logger LOG = Logger.getLogger(DailyDunningRun.class);

    @Inject
    DunningRun run;

    @Inject
    DunningPolicies policies;

    @Inject
    Clock clock;

    @Scheduled(cron = "{steelyard.collections.daily-run-cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void runToday() {
        for (String legalEntity : QuarkusTransaction.requiringNew().call(Receivable::entities)) {
            LocalDate today = LocalDate.now(clock.withZone(QuarkusTransaction.requiringNew()
                    .call(() -> policies.zone(policies.effective(legalEntity, null)))));
            int sent = run.run(legalEntity, today).size();
            LOG.infof("Dunning run of %s as of %s recorded %d messages", legalEntity, today, sent);
        }
    }
}
