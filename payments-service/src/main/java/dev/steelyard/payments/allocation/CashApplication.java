package dev.steelyard.payments.allocation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.steelyard.chassis.money.Money;
import dev.steelyard.payments.config.CashApplicationConfig;
import dev.steelyard.payments.config.CashApplicationConfig.Rule;
import dev.steelyard.payments.invoice.InvoiceNumbers;
import dev.steelyard.payments.invoice.OpenInvoice;
import dev.steelyard.payments.payment.Payment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Cash application: decides which invoices a payment's cash settles. Order: the remittance
 * references, then the customer's single open invoice of exactly that amount, then the
 * entity's rule. Callers hold the {@link CustomerLock}.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CashApplication {

    @Inject
    CashApplicationConfig config;

    @Inject
    Clock clock;

    /** Applies a newly received payment; returns the ledger lines written. */
    public List<Allocation> applyNewPayment(Payment payment) {
        List<Allocation> lines = new ArrayList<>();
        ReferenceMatch match = matchReferences(payment);
        for (OpenInvoice invoice : match.invoices()) {
            applyTo(payment, invoice, Allocation.Kind.AT_RECEIPT, lines);
        }
        if (match.awaitingInvoice()) {
            // The customer named an invoice we do not know yet: its cash waits for it rather than going elsewhere.
            return lines;
        }
        if (match.invoices().isEmpty()) {
            List<OpenInvoice> exact = OpenInvoice.openOf(payment.legalEntity, payment.customerId, payment.currency)
                    .stream().filter(invoice -> invoice.dueOn(payment.valueDate).equals(payment.unapplied())).toList();
            if (exact.size() == 1) {
                applyTo(payment, exact.get(0), Allocation.Kind.AT_RECEIPT, lines);
            }
        }
        applyByRule(payment, Allocation.Kind.AT_RECEIPT, lines);
        return lines;
    }

    /**
     * Applies waiting cash to an invoice that just arrived: first payments that named it, then,
     * where the entity's rule says so, other unapplied cash of the customer. Lines per payment.
     */
    public Map<Payment, List<Allocation>> applyToArrivedInvoice(OpenInvoice invoice) {
        Map<Payment, List<Allocation>> applied = new LinkedHashMap<>();
        List<Payment> waiting = Payment.withUnappliedCash(invoice.legalEntity, invoice.customerId, invoice.currency);
        for (Payment payment : waiting) {
            boolean named = payment.references().stream()
                    .anyMatch(reference -> InvoiceNumbers.matchKey(reference).equals(invoice.matchKey));
            if (named) {
                List<Allocation> lines = applied.computeIfAbsent(payment, p -> new ArrayList<>());
                applyTo(payment, invoice, Allocation.Kind.LATER, lines);
                if (!matchReferences(payment).awaitingInvoice()) {
                    applyByRule(payment, Allocation.Kind.LATER, lines);
                }
            }
        }
        if (config.ruleFor(invoice.legalEntity) == Rule.OLDEST_DUE_FIRST) {
            for (Payment payment : waiting) {
                if (invoice.isOpen() && payment.unapplied().isPositive() && !matchReferences(payment).awaitingInvoice()) {
                    applyTo(payment, invoice, Allocation.Kind.LATER, applied.computeIfAbsent(payment, p -> new ArrayList<>()));
                }
            }
        }
        applied.values().removeIf(List::isEmpty);
        return applied;
    }

    /** Applies up to {@code cash} of the payment's unapplied cash to one invoice chosen by a person. */
    public Allocation applyChosen(Payment payment, OpenInvoice invoice, Money cash) {
        List<Allocation> lines = new ArrayList<>();
        applyTo(payment, invoice, cash, Allocation.Kind.LATER, lines);
        return lines.isEmpty() ? null : lines.get(0);
    }

    private void applyByRule(Payment payment, Allocation.Kind kind, List<Allocation> lines) {
        if (config.ruleFor(payment.legalEntity) != Rule.OLDEST_DUE_FIRST) {
            return;
        }
        for (OpenInvoice invoice : OpenInvoice.openOf(payment.legalEntity, payment.customerId, payment.currency)) {
            if (!payment.unapplied().isPositive()) {
                return;
            }
            applyTo(payment, invoice, kind, lines);
        }
    }

    private void applyTo(Payment payment, OpenInvoice invoice, Allocation.Kind kind, List<Allocation> lines) {
        applyTo(payment, invoice, payment.unapplied(), kind, lines);
    }

    private void applyTo(Payment payment, OpenInvoice invoice, Money offered, Allocation.Kind kind,
            List<Allocation> lines) {
        if (!invoice.isOpen() || !invoice.currency.equals(payment.currency)) {
            return;
        }
        Money available = offered.compareTo(payment.unapplied()) <= 0 ? offered : payment.unapplied();
        if (!available.isPositive()) {
            return;
        }
        Settlement settlement = Settlement.of(invoice, available, payment.valueDate, tolerance(payment));
        payment.unappliedAmount = payment.unapplied().minus(settlement.cash()).amount();
        invoice.settle(settlement.settled());

        Allocation line = new Allocation();
        line.paymentId = payment.id;
        line.legalEntity = payment.legalEntity;
        line.customerId = payment.customerId;
        line.invoiceNumber = invoice.invoiceNumber;
        line.currency = payment.currency;
        line.amount = settlement.cash().amount();
        line.discount = settlement.discount().amount();
        line.writeOff = settlement.writeOff().amount();
        line.valueDate = later(payment.valueDate, invoice.issueDate);
        line.kind = kind;
        line.recordedAt = Instant.now(clock);
        line.persist();
        lines.add(line);
    }

    private Money tolerance(Payment payment) {
        return Money.ofMinor(config.writeOffToleranceMinorUnitsFor(payment.legalEntity), payment.currency);
    }

    /** Cash is applied no earlier than the invoice exists, so KPIs come out the same whatever the arrival order. */
    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    /** The invoices a payment's references name, and whether a reference names one not known yet. */
    private record ReferenceMatch(List<OpenInvoice> invoices, boolean awaitingInvoice) {
    }

    private static ReferenceMatch matchReferences(Payment payment) {
        List<OpenInvoice> invoices = new ArrayList<>();
        boolean awaiting = false;
        for (String reference : payment.references()) {
            String key = InvoiceNumbers.matchKey(reference);
            if (key.isEmpty()) {
                continue;
            }
            List<OpenInvoice> found = OpenInvoice.findByMatchKey(payment.legalEntity, payment.customerId, key);
            if (found.isEmpty()) {
                awaiting = true;
            }
            for (OpenInvoice invoice : found) {
                if (!invoices.contains(invoice)) {
                    invoices.add(invoice);
                }
            }
        }
        return new ReferenceMatch(invoices, awaiting);
    }
}
