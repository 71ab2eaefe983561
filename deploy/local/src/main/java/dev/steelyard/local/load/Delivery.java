package dev.steelyard.local.load;

import java.time.LocalDate;

/** One request of a replay: an invoice the ERP posts, or a payment webhook the bank pushes. */
public sealed interface Delivery {

    LocalDate businessDate();

    ReceivableRow row();

    /** The invoice, posted on its issue date. */
    record InvoicePost(ReceivableRow row) implements Delivery {

        @Override
        public LocalDate businessDate() {
            return row.issueDate();
        }
    }

    /** The payment of the full amount, pushed on its value date; a duplicate reuses the webhook id. */
    record PaymentWebhook(ReceivableRow row, String webhookId) implements Delivery {

        @Override
        public LocalDate businessDate() {
            return row.settledDate();
        }
    }
}
