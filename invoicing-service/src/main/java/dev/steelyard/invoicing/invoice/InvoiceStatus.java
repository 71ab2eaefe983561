package dev.steelyard.invoicing.invoice;

/** Where an invoice stands between issue and cash. */
public enum InvoiceStatus {
    OPEN, PARTLY_SETTLED, SETTLED, CANCELLED
}
