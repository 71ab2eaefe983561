package dev.steelyard.credit.review;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.jboss.logging.Logger;

import dev.steelyard.credit.exposure.CreditAccount;
import dev.steelyard.credit.exposure.CreditAssessment;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Re-evaluates accounts whose review is due (cadence by risk class) or on which time alone
 * changes a hold (an invoice passing the past-due threshold), as of the injectable clock.
 */
@ApplicationScoped
public class CreditReview {

    private static final Logger LOG = Logger.getLogger(CreditReview.class);
    private static final int BATCH = 100;

    @Inject
    CreditAssessment assessment;

    @Inject
    Clock clock;

    @Scheduled(every = "${steelyard.credit.review-every:15m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int reviewed = reviewDue();
        if (reviewed > 0) {
            LOG.infof("Reviewed the credit of %d customers", reviewed);
        }
    }

    /** Reviews every account due as of the clock's date; returns how many. */
    public int reviewDue() {
        // The earliest time zone's date: an entity's own "today" is checked per account.
        LocalDate latestToday = LocalDate.now(clock.withZone(ZoneOffset.MAX));
        int reviewed = 0;
        while (true) {
            var due = QuarkusTransaction.requiringNew().call(() -> CreditAccount.dueForEvaluation(latestToday, BATCH)
                    .stream().filter(a -> !a.nextEvaluationDate.isAfter(assessment.today(a.legalEntity)))
                    .map(a -> a.id).toList());
            if (due.isEmpty()) {
                return reviewed;
            }
            for (Long id : due) {
                QuarkusTransaction.requiringNew().run(() -> {
                    CreditAccount account = CreditAccount.findById(id);
                    CreditAccount locked = assessment.account(account.legalEntity, account.customerId, null);
                    assessment.reassess(locked, true);
                });
                reviewed++;
            }
        }
    }
}
