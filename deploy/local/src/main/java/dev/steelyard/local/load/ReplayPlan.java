package dev.steelyard.local.load;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/** The order a history is sent in: by business date (invoices first on a day), or shuffled, with duplicates. */
public final class ReplayPlan {

    private ReplayPlan() {
    }

    /**
     * @param shuffle        send everything in a random order instead of by business date
     * @param duplicateShare share of payment webhooks delivered a second time, as a provider retry would
     * @param seed           makes a shuffled plan repeatable
     */
    public static List<Delivery> of(List<ReceivableRow> rows, boolean shuffle, double duplicateShare, long seed) {
        Random random = new Random(seed);
        List<Delivery> plan = new ArrayList<>();
        for (ReceivableRow row : rows) {
            plan.add(new Delivery.InvoicePost(row));
            if (row.settledDate() != null) {
                Delivery.PaymentWebhook payment = new Delivery.PaymentWebhook(row, "msg_" + row.legalEntity() + "_"
                        + row.invoiceNumber());
                plan.add(payment);
                if (random.nextDouble() < duplicateShare) {
                    plan.add(payment);
                }
            }
        }
        if (shuffle) {
            Collections.shuffle(plan, random);
        } else {
            plan.sort(Comparator.comparing(Delivery::businessDate)
                    .thenComparing(d -> d instanceof Delivery.InvoicePost ? 0 : 1));
        }
        return plan;
    }
}
