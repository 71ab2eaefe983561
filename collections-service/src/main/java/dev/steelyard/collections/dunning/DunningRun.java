package dev.steelyard.collections.dunning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.steelyard.collections.promise.PromiseReview;
import dev.steelyard.collections.receivables.Receivable;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The dunning run of one legal entity as of a date: settles due promises, takes each customer's
 * steps in a transaction of its own, then delivers what was recorded. Idempotent per customer,
 * level and invoice, so the same run again sends nothing new.
 */
@ApplicationScoped
public class DunningRun {

    @Inject
    PromiseReview promises;

    @Inject
    DunningSteps steps;

    @Inject
    DunningDelivery delivery;

    /** @return the ids of the messages this run recorded */
    public List<UUID> run(String legalEntity, LocalDate asOf) {
        promises.review(legalEntity, asOf);
        List<UUID> recorded = new ArrayList<>();
        for (String customerId : QuarkusTransaction.requiringNew().call(() -> Receivable.customersOf(legalEntity))) {
            recorded.addAll(steps.take(legalEntity, customerId, asOf));
        }
        // Earlier failures first, so a customer's messages reach them in level order.
        List<UUID> undelivered = QuarkusTransaction.requiringNew().call(() -> DunningMessage
                .<DunningMessage>list("legalEntity = ?1 and delivery in ('PENDING', 'FAILED') order by createdAt",
                        legalEntity)
                .stream().map(m -> m.id).toList());
        undelivered.forEach(delivery::deliver);
        return recorded;
    }
}
