package dev.steelyard.collections.promise;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import dev.steelyard.chassis.money.Money;
import dev.steelyard.chassis.outbox.Outbox;
import dev.steelyard.collections.CollectionsConfig;
import dev.steelyard.collections.activity.Activity;
import dev.steelyard.collections.events.CollectionsTopic;
import dev.steelyard.collections.events.PromiseEvent;
import dev.steelyard.collections.receivables.PaymentReceipt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Settles promises whose grace period has passed as of a date: kept when the customer paid the
 * promised amount by then, else broken and published, so dunning resumes and escalates.
 */
@ApplicationScoped
public class PromiseReview {

    @Inject
    Outbox outbox;

    @Inject
    CollectionsConfig config;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void review(String legalEntity, LocalDate asOf) {
        for (PromiseToPay promise : PromiseToPay.open(legalEntity)) {
            LocalDate deadline = promise.pausedUntil(config.promiseGraceDays());
            if (!deadline.isBefore(asOf)) {
                continue;
            }
            BigDecimal paid = PaymentReceipt.paidSince(legalEntity, promise.customerId, promise.currency,
                    promise.recordedAt, deadline);
            promise.closedOn = asOf;
            if (paid.compareTo(promise.amount) >= 0) {
                promise.status = PromiseToPay.Status.KEPT.name();
                continue;
            }
            promise.status = PromiseToPay.Status.BROKEN.name();
            String amount = Money.of(promise.amount, promise.currency).amount().toPlainString();
            outbox.append(CollectionsTopic.NAME, Outbox.key(legalEntity, promise.customerId),
                    CollectionsTopic.PROMISE_BROKEN, promise.customerId, new PromiseEvent(legalEntity,
                            promise.customerId, promise.id.toString(), amount, promise.currency, promise.promisedDate));
            Activity.log(legalEntity, promise.customerId, Activity.Kind.PROMISE, "Promise to pay " + amount + " "
                    + promise.currency + " by " + promise.promisedDate + " broken", "dunning-run", Instant.now(clock));
        }
    }
}
