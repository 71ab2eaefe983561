package dev.steelyard.kpi.receivables;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One change to a customer's receivables on its business date. {@code arChange} moves AR (always
 * against an invoice); the other measures are reported beside AR or feed credit sales.
 */
public record Movement(Kind kind, String legalEntity, String customerId, String currency, String invoiceNumber,
        String document, LocalDate businessDate, LocalDate dueDate, BigDecimal arChange, BigDecimal salesChange,
        BigDecimal unappliedCashChange, BigDecimal unallocatedCreditChange) {

    /** What moved the receivable. */
    public enum Kind {
        INVOICE, CREDIT_NOTE, UNALLOCATED_CREDIT_NOTE, CANCELLATION, ALLOCATION, UNAPPLIED_CASH, REVERSAL
    }

    static Movement onInvoice(Kind kind, String entity, String customer, String currency, String invoice,
            String document, LocalDate date, BigDecimal arChange, BigDecimal salesChange) {
        return new Movement(kind, entity, customer, currency, invoice, document, date, null, arChange, salesChange,
                BigDecimal.ZERO, BigDecimal.ZERO);
    }

    static Movement besideAr(Kind kind, String entity, String customer, String currency, String document,
            LocalDate date, BigDecimal salesChange, BigDecimal unappliedCashChange, BigDecimal unallocatedCreditChange) {
        return new Movement(kind, entity, customer, currency, null, document, date, null, BigDecimal.ZERO, salesChange,
                unappliedCashChange, unallocatedCreditChange);
    }

    Movement withDueDate(LocalDate due) {
        return new Movement(kind, legalEntity, customerId, currency, invoiceNumber, document, businessDate, due,
                arChange, salesChange, unappliedCashChange, unallocatedCreditChange);
    }
}
