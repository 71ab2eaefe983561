package dev.steelyard.invoicing.terms;

/** How payment terms turn an issue date into a due date. */
public enum TermsType {
    /** Due net N days after issue. */
    NET,
    /** Due net N days after issue; a discount applies when paid within the discount days. */
    DISCOUNT,
    /** Due N days after the end of the issue month. */
    END_OF_MONTH,
    /** Due on the issue date. */
    DUE_ON_RECEIPT
}
