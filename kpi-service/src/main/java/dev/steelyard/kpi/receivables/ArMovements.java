package dev.steelyard.kpi.receivables;

import static dev.steelyard.kpi.receivables.Movement.Kind.ALLOCATION;
import static dev.steelyard.kpi.receivables.Movement.Kind.CANCELLATION;
import static dev.steelyard.kpi.receivables.Movement.Kind.CREDIT_NOTE;
import static dev.steelyard.kpi.receivables.Movement.Kind.INVOICE;
import static dev.steelyard.kpi.receivables.Movement.Kind.REVERSAL;
import static dev.steelyard.kpi.receivables.Movement.Kind.UNALLOCATED_CREDIT_NOTE;
import static dev.steelyard.kpi.receivables.Movement.Kind.UNAPPLIED_CASH;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import dev.steelyard.chassis.events.IncomingEvent;
import dev.steelyard.chassis.money.Money;
import dev.steelyard.kpi.events.Allocation;
import dev.steelyard.kpi.events.CreditNoteIssued;
import dev.steelyard.kpi.events.InvoiceCancelled;
import dev.steelyard.kpi.events.InvoiceIssued;
import dev.steelyard.kpi.events.PaymentReceived;
import dev.steelyard.kpi.events.PaymentReversed;
import dev.steelyard.kpi.events.UnappliedCashApplied;

/**
 * Translates each AR event into the movements it makes, per kpi-definitions.md: everything on the
 * event's business dates. Unknown event types make no movement, so producers can add types freely.
 */
public final class ArMovements {

    private ArMovements() {
    }

    public static List<Movement> of(IncomingEvent event) {
        return switch (event.type()) {
            case "InvoiceIssued.v1" -> invoiceIssued(event.data(InvoiceIssued.class));
            case "CreditNoteIssued.v1" -> creditNoteIssued(event.data(CreditNoteIssued.class));
            case "InvoiceCancelled.v1" -> invoiceCancelled(event.data(InvoiceCancelled.class));
            case "PaymentReceived.v1" -> paymentReceived(event.data(PaymentReceived.class));
            case "UnappliedCashApplied.v1" -> unappliedCashApplied(event.data(UnappliedCashApplied.class));
            case "PaymentReversed.v1" -> paymentReversed(event.data(PaymentReversed.class));
            default -> List.of();
        };
    }

    static List<Movement> invoiceIssued(InvoiceIssued invoice) {
        require(invoice.legalEntity(), "legalEntity");
        require(invoice.invoiceNumber(), "invoiceNumber");
        require(invoice.customerId(), "customerId");
        require(invoice.issueDate(), "issueDate");
        require(invoice.dueDate(), "dueDate");
        BigDecimal amount = money(invoice.amount(), invoice.currency(), "amount");
        return List.of(Movement.onInvoice(INVOICE, invoice.legalEntity(), invoice.customerId(), invoice.currency(),
                invoice.invoiceNumber(), invoice.invoiceNumber(), invoice.issueDate(), amount, amount)
                .withDueDate(invoice.dueDate()));
    }

    /** A credit note is a negative sale; against an invoice it also lowers that invoice's open amount. */
    static List<Movement> creditNoteIssued(CreditNoteIssued note) {
        require(note.legalEntity(), "legalEntity");
        require(note.creditNoteNumber(), "creditNoteNumber");
        require(note.customerId(), "customerId");
        require(note.issueDate(), "issueDate");
        BigDecimal amount = money(note.amount(), note.currency(), "amount");
        if (note.invoiceNumber() == null || note.invoiceNumber().isBlank()) {
            return List.of(Movement.besideAr(UNALLOCATED_CREDIT_NOTE, note.legalEntity(), note.customerId(),
                    note.currency(), note.creditNoteNumber(), note.issueDate(), amount.negate(), BigDecimal.ZERO,
                    amount));
        }
        return List.of(Movement.onInvoice(CREDIT_NOTE, note.legalEntity(), note.customerId(), note.currency(),
                note.invoiceNumber(), note.creditNoteNumber(), note.issueDate(), amount.negate(), amount.negate()));
    }

    /** A cancelled invoice was never a sale: it leaves AR and credit sales on its cancellation date. */
    static List<Movement> invoiceCancelled(InvoiceCancelled cancellation) {
        require(cancellation.legalEntity(), "legalEntity");
        require(cancellation.invoiceNumber(), "invoiceNumber");
        require(cancellation.customerId(), "customerId");
        require(cancellation.cancellationDate(), "cancellationDate");
        BigDecimal amount = money(cancellation.amount(), cancellation.currency(), "amount");
        return List.of(Movement.onInvoice(CANCELLATION, cancellation.legalEntity(), cancellation.customerId(),
                cancellation.currency(), cancellation.invoiceNumber(), cancellation.invoiceNumber(),
                cancellation.cancellationDate(), amount.negate(), amount.negate()));
    }

    static List<Movement> paymentReceived(PaymentReceived payment) {
        require(payment.legalEntity(), "legalEntity");
        require(payment.paymentId(), "paymentId");
        require(payment.customerId(), "customerId");
        require(payment.valueDate(), "valueDate");
        Money.currency(payment.currency());
        List<Movement> movements = new ArrayList<>(allocations(payment.legalEntity(), payment.customerId(),
                payment.currency(), payment.paymentId(), payment.allocations(), payment.valueDate()));
        if (payment.unappliedAmount() != null && payment.unappliedAmount().signum() != 0) {
            BigDecimal unapplied = money(payment.unappliedAmount(), payment.currency(), "unappliedAmount");
            movements.add(Movement.besideAr(UNAPPLIED_CASH, payment.legalEntity(), payment.customerId(),
                    payment.currency(), payment.paymentId(), payment.valueDate(), BigDecimal.ZERO, unapplied,
                    BigDecimal.ZERO));
        }
        return movements;
    }

    /** Cash applied later settles invoices as of each allocation's value date and leaves unapplied cash then. */
    static List<Movement> unappliedCashApplied(UnappliedCashApplied applied) {
        require(applied.legalEntity(), "legalEntity");
        require(applied.paymentId(), "paymentId");
        require(applied.customerId(), "customerId");
        Money.currency(applied.currency());
        List<Movement> movements = new ArrayList<>();
        for (int i = 0; i < applied.allocations().size(); i++) {
            Allocation allocation = applied.allocations().get(i);
            require(allocation.valueDate(), "allocations[" + i + "].valueDate");
            require(allocation.invoiceNumber(), "allocations[" + i + "].invoiceNumber");
            BigDecimal settled = money(allocation.settled(), applied.currency(), "allocations[" + i + "].amount");
            BigDecimal cash = money(orZero(allocation.amount()), applied.currency(), "allocations[" + i + "].amount");
            movements.add(new Movement(ALLOCATION, applied.legalEntity(), applied.customerId(), applied.currency(),
                    allocation.invoiceNumber(), applied.paymentId(), allocation.valueDate(), null, settled.negate(),
                    BigDecimal.ZERO, cash.negate(), BigDecimal.ZERO));
        }
        return movements;
    }

    /** A reversal reopens what the reversed allocations settled and takes back reversed unapplied cash. */
    static List<Movement> paymentReversed(PaymentReversed reversal) {
        require(reversal.legalEntity(), "legalEntity");
        require(reversal.paymentId(), "paymentId");
        require(reversal.customerId(), "customerId");
        require(reversal.reversalDate(), "reversalDate");
        Money.currency(reversal.currency());
        List<Movement> movements = new ArrayList<>();
        for (int i = 0; i < reversal.allocations().size(); i++) {
            Allocation allocation = reversal.allocations().get(i);
            require(allocation.invoiceNumber(), "allocations[" + i + "].invoiceNumber");
            BigDecimal settled = money(allocation.settled(), reversal.currency(), "allocations[" + i + "].amount");
            movements.add(Movement.onInvoice(REVERSAL, reversal.legalEntity(), reversal.customerId(),
                    reversal.currency(), allocation.invoiceNumber(), reversal.paymentId(), reversal.reversalDate(),
                    settled, BigDecimal.ZERO));
        }
        if (reversal.unappliedReversed() != null && reversal.unappliedReversed().signum() != 0) {
            BigDecimal unapplied = money(reversal.unappliedReversed(), reversal.currency(), "unappliedReversed");
            movements.add(Movement.besideAr(REVERSAL, reversal.legalEntity(), reversal.customerId(),
                    reversal.currency(), reversal.paymentId(), reversal.reversalDate(), BigDecimal.ZERO,
                    unapplied.negate(), BigDecimal.ZERO));
        }
        return movements;
    }

    private static List<Movement> allocations(String entity, String customer, String currency, String paymentId,
            List<Allocation> allocations, LocalDate paymentValueDate) {
        List<Movement> movements = new ArrayList<>();
        for (int i = 0; i < allocations.size(); i++) {
            Allocation allocation = allocations.get(i);
            require(allocation.invoiceNumber(), "allocations[" + i + "].invoiceNumber");
            LocalDate valueDate = allocation.valueDate() != null ? allocation.valueDate() : paymentValueDate;
            BigDecimal settled = money(allocation.settled(), currency, "allocations[" + i + "].amount");
            movements.add(Movement.onInvoice(ALLOCATION, entity, customer, currency, allocation.invoiceNumber(),
                    paymentId, valueDate, settled.negate(), BigDecimal.ZERO));
        }
        return movements;
    }

    private static BigDecimal money(BigDecimal amount, String currency, String field) {
        require(amount, field);
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("data." + field + " must not be negative");
        }
        return Money.of(amount, currency).amount();
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    private static void require(Object value, String field) {
        if (value == null || value instanceof String text && text.isBlank()) {
            throw new IllegalArgumentException("data." + field + " is missing");
        }
    }
}
