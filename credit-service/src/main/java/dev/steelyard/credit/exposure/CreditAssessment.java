package dev.steelyard.credit.exposure;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;

import dev.steelyard.chassis.outbox.Outbox;
import dev.steelyard.credit.config.CreditConfig;
import dev.steelyard.credit.events.CreditChanged;
import dev.steelyard.credit.events.CreditTopic;
import dev.steelyard.credit.hold.HoldCause;
import dev.steelyard.credit.hold.HoldRules;
import dev.steelyard.credit.limit.CreditHistory;
import dev.steelyard.credit.score.RiskClass;
import dev.steelyard.credit.score.Scoring;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Re-evaluates one customer's credit after anything that may change it (an event, a limit, a
 * hold, a review): exposure, score, risk class and holds, in the caller's transaction, and
 * appends CreditChanged to the outbox when what it publishes changed.
 */
@ApplicationScoped
public class CreditAssessment {

    public static final String SYSTEM = "credit-service";

    @Inject
    ExposureQueries exposure;

    @Inject
    Scoring scoring;

    @Inject
    CreditConfig config;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /** The customer's account, locked for the caller's transaction (created when new). */
    @Transactional(Transactional.TxType.MANDATORY)
    public CreditAccount account(String legalEntity, String customerId, String currency) {
        CreditAccount account = CreditAccount.lockOrCreate(legalEntity, customerId);
        if (account.currency == null) {
            account.currency = currency;
        }
        return account;
    }

    public LocalDate today(String legalEntity) {
        return LocalDate.now(clock.withZone(config.policy(legalEntity).zone()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public CreditAccount reassess(CreditAccount account, boolean scheduledReview) {
        CreditConfig.EntityPolicy policy = config.policy(account.legalEntity);
        LocalDate today = today(account.legalEntity);
        // The sums below are SQL over rows this transaction may have just written.
        CreditAccount.flush();
        refreshExposure(account, policy);

        Scoring.Assessment assessment = scoring.assess(account.legalEntity, account.customerId, account.currency, today);
        RiskClass previousClass = account.riskClass == null ? null : RiskClass.valueOf(account.riskClass);
        RiskClass riskClass = assessment.score().riskClass();
        account.score = assessment.score().score();
        account.riskClass = riskClass.name();
        account.recommendedLimit = assessment.recommendedLimit();
        account.scoreReasons = assessment.score().topFactors().stream().map(f -> f.words())
                .collect(Collectors.joining("\n"));

        LocalDate oldestDue = exposure.oldestOpenDueDate(account.legalEntity, account.customerId);
        Long daysPastDue = oldestDue != null && oldestDue.isBefore(today) ? ChronoUnit.DAYS.between(oldestDue, today) : null;
        if (account.collectionsHold && daysPastDue == null && dunnedInvoicesKnown(account)) {
            // Collections asked for the hold over past-due AR; with none left it has no cause. The topics
            // are not ordered with each other, so the hold waits for the dunned invoices to arrive first.
            account.collectionsHold = false;
            account.collectionsHoldInvoices = null;
        }
        List<HoldCause> causes = HoldRules.causes(new HoldRules.Situation(account.currency, account.creditLimit,
                account.exposure, daysPastDue, policy.pastDueHoldDays(), account.collectionsHold,
                account.collectionsHoldReason, riskClass, account.manualHold, account.manualHoldReason));
        recordAutomaticHoldChange(account, causes);
        account.hold = !causes.isEmpty();
        account.holdCauses = causes.stream().map(c -> c.code().name()).collect(Collectors.joining("\n"));
        account.holdReasons = causes.stream().map(HoldCause::words).collect(Collectors.joining("\n"));

        if (account.nextReviewDate == null || scheduledReview || previousClass != riskClass) {
            account.nextReviewDate = today.plusDays(riskClass.reviewDays(policy.review()));
        }
        account.nextEvaluationDate = account.nextReviewDate;
        if (oldestDue != null) {
            // The day the oldest open invoice passes the threshold, the hold must start without any event.
            LocalDate pastDueHoldStarts = oldestDue.plusDays(policy.pastDueHoldDays() + 1L);
            if (pastDueHoldStarts.isAfter(today) && pastDueHoldStarts.isBefore(account.nextEvaluationDate)) {
                account.nextEvaluationDate = pastDueHoldStarts;
            }
        }
        account.assessedAt = Instant.now(clock);
        publishIfChanged(account);
        return account;
    }

    private static boolean dunnedInvoicesKnown(CreditAccount account) {
        return account.collectionsHoldInvoices == null || account.collectionsHoldInvoices.lines()
                .allMatch(number -> ArInvoice.findByNumber(account.legalEntity, number).isPresent());
    }

    /** Automatic holds and releases are kept in the history like manual ones, by credit-service. */
    private void recordAutomaticHoldChange(CreditAccount account, List<HoldCause> causes) {
        List<HoldCause> automatic = causes.stream().filter(c -> c.code() != HoldCause.Code.MANUAL).toList();
        List<String> before = account.holdCauseList().stream().filter(c -> !c.equals(HoldCause.Code.MANUAL.name()))
                .toList();
        List<String> after = automatic.stream().map(c -> c.code().name()).toList();
        if (before.equals(after)) {
            return;
        }
        if (after.isEmpty()) {
            CreditHistory.record(account.legalEntity, account.customerId, "AUTOMATIC_RELEASE",
                    "released: " + String.join(", ", before) + " no longer holds", "cause cleared", SYSTEM,
                    Instant.now(clock));
        } else {
            CreditHistory.record(account.legalEntity, account.customerId, "AUTOMATIC_HOLD",
                    automatic.stream().map(HoldCause::words).collect(Collectors.joining("; ")), "automatic hold rule",
                    SYSTEM, Instant.now(clock));
        }
    }

    private void refreshExposure(CreditAccount account, CreditConfig.EntityPolicy policy) {
        if (account.currency == null) {
            account.openAR = BigDecimal.ZERO;
            account.openOrders = BigDecimal.ZERO;
            account.unappliedCash = BigDecimal.ZERO;
            account.exposure = BigDecimal.ZERO;
            return;
        }
        account.openAR = exposure.openAR(account.legalEntity, account.customerId, account.currency);
        account.openOrders = exposure.openOrders(account.legalEntity, account.customerId, account.currency);
        account.unappliedCash = exposure.unappliedCash(account.legalEntity, account.customerId, account.currency);
        BigDecimal netted = policy.netUnappliedCash() ? account.unappliedCash : BigDecimal.ZERO;
        account.exposure = account.openAR.add(account.openOrders).subtract(netted);
    }

    private void publishIfChanged(CreditAccount account) {
        if (account.currency == null) {
            return;
        }
        CreditChanged changed = CreditChanged.of(account, Instant.now(clock));
        if (!changed.state().equals(account.publishedState)) {
            account.publishedState = changed.state();
            outbox.append(CreditTopic.NAME, Outbox.key(account.legalEntity, account.customerId),
                    CreditTopic.CREDIT_CHANGED, account.customerId, changed);
        }
    }
}
