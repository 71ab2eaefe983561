package dev.steelyard.payments.invoice;

import java.util.Locale;

/**
 * Compares remittance references with invoice numbers the way a cash clerk would: customers
 * write "INV 000611365", "Invoice #611365" or "0000611365" for the same invoice.
 */
public final class InvoiceNumbers {

    private static final String PREFIXES = "^(INVOICENUMBER|INVOICENO|INVOICE|RECHNUNG|FACTURA|FACTURE|INVNO|INV|RE|NO|NR)";

    private InvoiceNumbers() {
    }

    /** Upper case, without spaces, punctuation, a leading word such as INV, or leading zeros. */
    public static String matchKey(String reference) {
        String plain = reference.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        String withoutPrefix = plain.replaceFirst(PREFIXES, "");
        // Only strip the prefix when a number follows, so invoice "RE1" of a customer is not read as "1" by accident.
        if (!withoutPrefix.isEmpty() && Character.isDigit(withoutPrefix.charAt(0))) {
            plain = withoutPrefix;
        }
        String withoutZeros = plain.replaceFirst("^0+(?=.)", "");
        return withoutZeros;
    }
}
