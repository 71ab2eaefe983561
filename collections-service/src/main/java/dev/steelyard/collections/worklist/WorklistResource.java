package dev.steelyard.collections.worklist;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.steelyard.chassis.money.Money;
import dev.steelyard.chassis.security.EntityScope;
import dev.steelyard.chassis.security.Roles;
import dev.steelyard.chassis.web.InvalidInputException;
import dev.steelyard.chassis.web.QueryParameters;
import dev.steelyard.collections.CollectionsConfig;
import dev.steelyard.collections.customer.CustomerContact;
import dev.steelyard.collections.dispute.Dispute;
import dev.steelyard.collections.dunning.DunningPolicies;
import dev.steelyard.collections.promise.PromiseToPay;
import dev.steelyard.collections.receivables.Receivable;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The collector's worklist: customers with overdue money or open disputes, highest priority first. */
@Path("/worklist")
@Produces(MediaType.APPLICATION_JSON)
public class WorklistResource {

    public enum NextAction {
        CALL_ABOUT_BROKEN_PROMISE, WAIT_FOR_PROMISE, RESOLVE_DISPUTE, ADD_CONTACT, CALL_CUSTOMER, AWAIT_REMINDER
    }

    /** overdue: open amount past due and not disputed, per currency. */
    public record Entry(String customerId, String priority, Map<String, String> overdue, int daysPastDue,
            String riskClass, long brokenPromises, long openDisputes, NextAction nextAction) {
    }

    @Inject
    EntityScope scope;

    @Inject
    DunningPolicies policies;

    @Inject
    CollectionsConfig config;

    @Inject
    Clock clock;

    @GET
    @RolesAllowed(Roles.COLLECTOR)
    public List<Entry> worklist(@QueryParam("entity") String entity, @QueryParam("asOf") String asOfText) {
        if (entity == null || entity.isBlank()) {
            throw new InvalidInputException("entity", "required", "name the legal entity");
        }
        scope.requireVisible(entity, "Legal entity " + entity);
        LocalDate asOf = QueryParameters.date("asOf", asOfText);
        if (asOf == null) {
            asOf = LocalDate.now(clock.withZone(policies.zone(policies.effective(entity, null))));
        }
        List<Entry> entries = new ArrayList<>();
        for (String customerId : Receivable.customersOf(entity)) {
            Entry entry = entry(entity, customerId, asOf);
            if (entry != null) {
                entries.add(entry);
            }
        }
        entries.sort(Comparator.comparing((Entry e) -> new BigDecimal(e.priority())).reversed()
                .thenComparing(Entry::customerId));
        return entries;
    }

    private Entry entry(String entity, String customerId, LocalDate asOf) {
        Set<String> disputed = Dispute.openInvoiceNumbers(entity, customerId);
        Map<String, BigDecimal> overdue = new TreeMap<>();
        BigDecimal overdueTotal = BigDecimal.ZERO;
        int oldest = 0;
        for (Receivable invoice : Receivable.liveOf(entity, customerId)) {
            int daysPastDue = (int) ChronoUnit.DAYS.between(invoice.dueDate, asOf);
            Money open = invoice.openAmount();
            if (daysPastDue <= 0 || open.amount().signum() <= 0 || disputed.contains(invoice.invoiceNumber)) {
                continue;
            }
            overdue.merge(open.currencyCode(), open.amount(), BigDecimal::add);
            // Amounts in several currencies are added as numbers: the ranking is a heuristic, not a balance.
            overdueTotal = overdueTotal.add(open.amount());
            oldest = Math.max(oldest, daysPastDue);
        }
        long openDisputes = Dispute.openCount(entity, customerId);
        if (overdue.isEmpty() && openDisputes == 0) {
            return null;
        }
        String riskClass = CustomerRisk.find(entity, customerId).map(r -> r.riskClass).orElse(null);
        long broken = PromiseToPay.brokenCount(entity, customerId);
        Map<String, String> overdueText = new TreeMap<>();
        overdue.forEach((currency, amount) -> overdueText.put(currency, Money.of(amount, currency).amount().toPlainString()));
        return new Entry(customerId, WorklistPriority.of(overdueTotal, oldest, riskClass, broken).toPlainString(),
                overdueText, oldest, riskClass, broken, openDisputes,
                nextAction(entity, customerId, asOf, openDisputes, !overdue.isEmpty()));
    }

    private NextAction nextAction(String entity, String customerId, LocalDate asOf, long openDisputes,
            boolean overdue) {
        if (!PromiseToPay.brokenNotEscalated(entity, customerId).isEmpty()) {
            return NextAction.CALL_ABOUT_BROKEN_PROMISE;
        }
        if (PromiseToPay.pausesDunning(entity, customerId, asOf, config.promiseGraceDays())) {
            return NextAction.WAIT_FOR_PROMISE;
        }
        if (openDisputes > 0) {
            return NextAction.RESOLVE_DISPUTE;
        }
        if (CustomerContact.find(entity, customerId).isEmpty()) {
            return NextAction.ADD_CONTACT;
        }
        // Dunning asked for the collector (level 2 and up by default): a call is due.
        boolean collectorNotified = dev.steelyard.collections.dunning.DunningMessage
                .count("legalEntity = ?1 and customerId = ?2 and actions like '%NOTIFY_COLLECTOR%'", entity,
                        customerId) > 0;
        return overdue && collectorNotified ? NextAction.CALL_CUSTOMER : NextAction.AWAIT_REMINDER;
    }
}
