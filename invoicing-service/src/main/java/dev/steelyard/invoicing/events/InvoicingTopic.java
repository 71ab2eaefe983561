package dev.steelyard.invoicing.events;

/** The topic invoicing-service publishes to, and the event types on it. */
public final class InvoicingTopic {

    public static final String NAME = "ar.invoicing";
    public static final String INVOICE_ISSUED = "InvoiceIssued.v1";
    public static final String CREDIT_NOTE_ISSUED = "CreditNoteIssued.v1";
    public static final String INVOICE_CANCELLED = "InvoiceCancelled.v1";

    private InvoicingTopic() {
    }
}
