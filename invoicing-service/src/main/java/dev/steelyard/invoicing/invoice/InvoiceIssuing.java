package dev.steelyard.invoicing.invoice;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.steelyard.chassis.money.Money;
import dev.steelyard.chassis.outbox.Outbox;
import dev.steelyard.chassis.web.ConflictException;
import dev.steelyard.chassis.web.InvalidInputException;
import dev.steelyard.chassis.web.MoneyInput;
import dev.steelyard.chassis.web.Problem;
import dev.steelyard.invoicing.customer.Customer;
import dev.steelyard.invoicing.events.InvoiceIssued;
import dev.steelyard.invoicing.events.InvoicingTopic;
import dev.steelyard.invoicing.settlement.Settlement;
import dev.steelyard.invoicing.terms.DueDates;
import dev.steelyard.invoicing.terms.PaymentTerms;
import dev.steelyard.invoicing.terms.TermsType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Records an invoice and its InvoiceIssued event in one transaction. The (entity, number) pair
 * and the Idempotency-Key header make posts idempotent: a replay returns the original, a
 * replay with other content is refused with the differences named.
 */
@ApplicationScoped
public class InvoiceIssuing {

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /** The outcome of a post: the invoice and whether this call created it. */
    public record Outcome(Invoice invoice, boolean created) {
    }

    /**
     * Issues the invoice in a transaction of its own. When a concurrent post of the same invoice
     * wins the race to the unique key, this one is judged again as a replay of it.
     */
    public Outcome issue(NewInvoice request, String idempotencyKey) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> issueInTransaction(request, idempotencyKey));
        } catch (RuntimeException e) {
            if (!isUniqueViolation(e)) {
                throw e;
            }
            return QuarkusTransaction.requiringNew().call(() -> issueInTransaction(request, idempotencyKey));
        }
    }

    private static boolean isUniqueViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private Outcome issueInTransaction(NewInvoice request, String idempotencyKey) {
        Invoice candidate = priced(request);
        if (idempotencyKey != null) {
            var byKey = Invoice.findByIdempotencyKey(idempotencyKey);
            if (byKey.isPresent()) {
                return new Outcome(sameAsRecorded(byKey.get(), candidate, "Idempotency-Key " + idempotencyKey), false);
            }
        }
        var existing = Invoice.findByNumber(request.legalEntity(), request.invoiceNumber());
        if (existing.isPresent()) {
            return new Outcome(sameAsRecorded(existing.get(), candidate, "Invoice " + request.invoiceNumber()
                    + " of " + request.legalEntity()), false);
        }
        Customer.record(candidate.legalEntity, candidate.customerId, candidate.customerName, candidate.customerCountry);
        candidate.idempotencyKey = idempotencyKey;
        candidate.createdAt = Instant.now(clock);
        // Payments may have been applied before the invoice reached us.
        candidate.settledAmount = Settlement.totalFor(candidate.legalEntity, candidate.invoiceNumber);
        candidate.refreshOpenAmount();
        candidate.persist();
        outbox.append(InvoicingTopic.NAME, Outbox.key(candidate.legalEntity, candidate.customerId),
                InvoicingTopic.INVOICE_ISSUED, candidate.invoiceNumber, InvoiceIssued.of(candidate));
        return new Outcome(candidate, true);
    }

    /** Builds the invoice the request describes, refusing it when totals, terms or dates disagree. */
    Invoice priced(NewInvoice request) {
        List<Problem.Violation> violations = new ArrayList<>();
        Money gross = MoneyInput.of("grossAmount", request.grossAmount(), request.currency());
        Money net = amount(violations, "netAmount", request.netAmount(), request.currency());
        Money tax = amount(violations, "taxAmount", request.taxAmount(), request.currency());

        Invoice invoice = new Invoice();
        invoice.legalEntity = request.legalEntity();
        invoice.invoiceNumber = request.invoiceNumber();
        invoice.customerId = request.customer().id();
        invoice.customerName = request.customer().name();
        invoice.customerCountry = request.customer().country();
        invoice.currency = gross.currencyCode();
        invoice.issueDate = request.issueDate();
        if (request.references() != null) {
            invoice.purchaseOrder = request.references().purchaseOrder();
            invoice.salesOrder = request.references().salesOrder();
            invoice.deliveryNote = request.references().deliveryNote();
        }

        Money linesNet = Money.zero(gross.currency());
        Money linesTaxPerLine = Money.zero(gross.currency());
        java.util.Map<BigDecimal, BigDecimal> netPerRate = new java.util.TreeMap<>();
        for (int i = 0; i < request.lines().size(); i++) {
            NewInvoice.Line line = request.lines().get(i);
            InvoiceLine stored = new InvoiceLine();
            stored.lineNumber = i + 1;
            stored.description = line.description();
            stored.quantity = line.quantity();
            stored.unit = line.unit();
            stored.unitPrice = line.unitPrice();
            stored.taxRate = line.taxRate();
            Money lineNet = commercial(line.quantity().multiply(line.unitPrice()), gross);
            Money lineTax = commercial(lineNet.amount().multiply(line.taxRate()).movePointLeft(2), gross);
            stored.netAmount = lineNet.amount();
            stored.taxAmount = lineTax.amount();
            invoice.lines.add(stored);
            linesNet = linesNet.plus(lineNet);
            linesTaxPerLine = linesTaxPerLine.plus(lineTax);
            netPerRate.merge(line.taxRate().stripTrailingZeros(), lineNet.amount(), BigDecimal::add);
        }
        // ERPs round tax per line or per rate; either total is accepted.
        Money linesTaxPerRate = netPerRate.entrySet().stream()
                .map(e -> commercial(e.getValue().multiply(e.getKey()).movePointLeft(2), gross))
                .reduce(Money.zero(gross.currency()), Money::plus);
        if (net != null && !net.equals(linesNet)) {
            violations.add(new Problem.Violation("netAmount", "sum-of-lines", "netAmount " + net.amount()
                    + " differs from the lines' net " + linesNet.amount() + " by " + net.minus(linesNet).amount()));
        }
        if (tax != null && !tax.equals(linesTaxPerLine) && !tax.equals(linesTaxPerRate)) {
            violations.add(new Problem.Violation("taxAmount", "sum-of-lines", "taxAmount " + tax.amount()
                    + " differs from the lines' tax " + linesTaxPerLine.amount() + " by "
                    + tax.minus(linesTaxPerLine).amount()));
        }
        if (net != null && tax != null && !gross.equals(net.plus(tax))) {
            violations.add(new Problem.Violation("grossAmount", "net-plus-tax", "grossAmount " + gross.amount()
                    + " differs from net plus tax " + net.plus(tax).amount() + " by "
                    + gross.minus(net.plus(tax)).amount()));
        }
        invoice.netAmount = net == null ? null : net.amount();
        invoice.taxAmount = tax == null ? null : tax.amount();
        invoice.grossAmount = gross.amount();
        applyTerms(invoice, request, gross, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return invoice;
    }

    private static void applyTerms(Invoice invoice, NewInvoice request, Money gross, List<Problem.Violation> violations) {
        String code = request.paymentTerms();
        if (code == null && request.dueDate() == null) {
            code = Customer.find(request.legalEntity(), request.customer().id()).map(c -> c.defaultTermsCode)
                    .orElse(null);
            if (code == null) {
                violations.add(new Problem.Violation("paymentTerms", "required",
                        "give paymentTerms or dueDate; customer " + request.customer().id()
                                + " has no default payment terms"));
                return;
            }
        }
        if (code == null) {
            invoice.dueDate = request.dueDate();
        } else {
            var terms = PaymentTerms.effective(request.legalEntity(), code);
            if (terms.isEmpty()) {
                violations.add(new Problem.Violation("paymentTerms", "known-terms",
                        "'" + code + "' is not in the payment terms catalogue of " + request.legalEntity()));
                return;
            }
            DueDates dates = terms.get().apply(request.issueDate());
            if (request.dueDate() != null && !request.dueDate().equals(dates.dueDate())) {
                violations.add(new Problem.Violation("dueDate", "agrees-with-terms", "due date " + request.dueDate()
                        + " contradicts terms " + code + ", which give " + dates.dueDate()));
            }
            invoice.dueDate = dates.dueDate();
            invoice.termsCode = code;
            invoice.termsType = terms.get().type.name();
            invoice.netDays = terms.get().netDays;
            if (terms.get().type == TermsType.DISCOUNT) {
                invoice.discountPercent = terms.get().discountPercent;
                invoice.discountDays = terms.get().discountDays;
                invoice.discountDate = dates.discountDate();
                invoice.discountedAmount = DueDates.discountedAmount(gross, terms.get().discountPercent).amount();
            }
        }
        if (invoice.dueDate != null && invoice.dueDate.isBefore(request.issueDate())) {
            violations.add(new Problem.Violation("dueDate", "not-before-issue-date",
                    "due date " + invoice.dueDate + " is before issue date " + request.issueDate()));
        }
    }

    /** Invoice arithmetic rounds half-up to the minor unit, as commercial and VAT practice does. */
    static Money commercial(BigDecimal amount, Money inCurrencyOf) {
        return Money.rounded(amount, inCurrencyOf.currency(), java.math.RoundingMode.HALF_UP);
    }

    private static Money amount(List<Problem.Violation> violations, String field, BigDecimal amount, String currency) {
        try {
            return Money.of(amount, currency);
        } catch (IllegalArgumentException e) {
            violations.add(new Problem.Violation(field, "minor-units", e.getMessage()));
            return null;
        }
    }

    /** The recorded invoice when the replay says the same, else a conflict naming every difference. */
    private static Invoice sameAsRecorded(Invoice recorded, Invoice posted, String what) {
        List<String> differences = new ArrayList<>();
        compare(differences, "invoiceNumber", recorded.invoiceNumber, posted.invoiceNumber);
        compare(differences, "legalEntity", recorded.legalEntity, posted.legalEntity);
        compare(differences, "customer.id", recorded.customerId, posted.customerId);
        compare(differences, "currency", recorded.currency, posted.currency);
        compare(differences, "issueDate", recorded.issueDate, posted.issueDate);
        compare(differences, "dueDate", recorded.dueDate, posted.dueDate);
        compare(differences, "paymentTerms", recorded.termsCode, posted.termsCode);
        compare(differences, "netAmount", amount(recorded, recorded.netAmount), amount(posted, posted.netAmount));
        compare(differences, "taxAmount", amount(recorded, recorded.taxAmount), amount(posted, posted.taxAmount));
        compare(differences, "grossAmount", amount(recorded, recorded.grossAmount), amount(posted, posted.grossAmount));
        compare(differences, "lines", recorded.lines.size(), posted.lines.size());
        for (int i = 0; i < Math.min(recorded.lines.size(), posted.lines.size()); i++) {
            InvoiceLine a = recorded.lines.get(i);
            InvoiceLine b = posted.lines.get(i);
            String prefix = "lines[" + i + "].";
            compare(differences, prefix + "description", a.description, b.description);
            compare(differences, prefix + "quantity", plain(a.quantity), plain(b.quantity));
            compare(differences, prefix + "unit", a.unit, b.unit);
            compare(differences, prefix + "unitPrice", plain(a.unitPrice), plain(b.unitPrice));
            compare(differences, prefix + "taxRate", plain(a.taxRate), plain(b.taxRate));
        }
        compare(differences, "references.purchaseOrder", recorded.purchaseOrder, posted.purchaseOrder);
        compare(differences, "references.salesOrder", recorded.salesOrder, posted.salesOrder);
        compare(differences, "references.deliveryNote", recorded.deliveryNote, posted.deliveryNote);
        if (!differences.isEmpty()) {
            throw new ConflictException(what + " was posted before with other content: "
                    + String.join("; ", differences), differences.get(0).substring(0, differences.get(0).indexOf(' ')));
        }
        return recorded;
    }

    private static String amount(Invoice invoice, BigDecimal amount) {
        return amount == null ? null : invoice.money(amount).amount().toPlainString();
    }

    private static String plain(BigDecimal number) {
        return number == null ? null : number.stripTrailingZeros().toPlainString();
    }

    private static void compare(List<String> differences, String field, Object recorded, Object posted) {
        if (!Objects.equals(recorded, posted)) {
            differences.add(field + " was " + recorded + ", now " + posted);
        }
    }

}
