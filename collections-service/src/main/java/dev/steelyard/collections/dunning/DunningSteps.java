package dev.steelyard.collections.dunning;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import dev.steelyard.chassis.money.Money;
import dev.steelyard.chassis.outbox.Outbox;
import dev.steelyard.collections.CollectionsConfig;
import dev.steelyard.collections.activity.Activity;
import dev.steelyard.collections.customer.CustomerContact;
import dev.steelyard.collections.dispute.Dispute;
import dev.steelyard.collections.dunning.PolicyDefinition.Action;
import dev.steelyard.collections.dunning.PolicyDefinition.Level;
import dev.steelyard.collections.events.CollectionsTopic;
import dev.steelyard.collections.events.DunningStepTaken;
import dev.steelyard.collections.promise.PromiseToPay;
import dev.steelyard.collections.receivables.Receivable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Decides and records one customer's dunning steps as of a date: at most one message per level,
 * each naming every invoice that reached that level with its open amount. The message, its
 * invoices and the DunningStepTaken event commit together; delivery follows the commit.
 */
@ApplicationScoped
public class DunningSteps {

    @Inject
    DunningPolicies policies;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    CollectionsConfig config;

    private record Due(Receivable invoice, Money openAmount, int daysPastDue) {
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<UUID> take(String legalEntity, String customerId, LocalDate asOf) {
        if (PromiseToPay.pausesDunning(legalEntity, customerId, asOf, config.promiseGraceDays())) {
            return List.of();
        }
        Optional<CustomerContact> contact = CustomerContact.find(legalEntity, customerId);
        PolicyDefinition policy = policies.effective(legalEntity, contact.map(c -> c.segment).orElse(null));
        List<PromiseToPay> broken = PromiseToPay.brokenNotEscalated(legalEntity, customerId);
        // A broken promise escalates: the next step goes out without waiting for the minimum gap.
        boolean escalate = !broken.isEmpty();
        Set<String> disputed = Dispute.openInvoiceNumbers(legalEntity, customerId);

        Map<Integer, List<Due>> byLevel = new TreeMap<>();
        for (Receivable invoice : Receivable.liveOf(legalEntity, customerId)) {
            Money open = invoice.openAmount();
            if (open.amount().signum() <= 0 || disputed.contains(invoice.invoiceNumber)) {
                continue;
            }
            // Both dates are business dates in the entity's zone: an invoice due on asOf is 0 days past due.
            int daysPastDue = (int) ChronoUnit.DAYS.between(invoice.dueDate, asOf);
            Optional<Level> reached = policy.reachedBy(daysPastDue);
            if (reached.isEmpty() || !mayAdvance(invoice, reached.get(), asOf, policy, escalate)) {
                continue;
            }
            byLevel.computeIfAbsent(reached.get().level(), l -> new ArrayList<>()).add(new Due(invoice, open, daysPastDue));
        }

        List<UUID> messages = new ArrayList<>();
        byLevel.forEach((number, dues) -> {
            Level level = policy.level(number);
            List<Due> named = aboveMinimum(dues, level.minimumOpenAmount());
            if (!named.isEmpty()) {
                messages.add(record(legalEntity, customerId, asOf, level, named, contact, escalate));
            }
        });
        if (!messages.isEmpty()) {
            broken.forEach(promise -> promise.escalated = true);
        }
        return messages;
    }

    private static boolean mayAdvance(Receivable invoice, Level reached, LocalDate asOf, PolicyDefinition policy,
            boolean escalate) {
        Optional<DunningMessageItem> last = DunningMessageItem.lastFor(invoice.legalEntity, invoice.customerId,
                invoice.invoiceNumber);
        if (last.isEmpty()) {
            return true;
        }
        if (last.get().level >= reached.level()) {
            return false;
        }
        return escalate || ChronoUnit.DAYS.between(last.get().asOf, asOf) >= policy.minimumGapDays();
    }

    /** Drops the invoices of a currency whose open amounts together stay below the level's minimum. */
    private static List<Due> aboveMinimum(List<Due> dues, BigDecimal minimum) {
        Map<String, BigDecimal> totals = new HashMap<>();
        dues.forEach(due -> totals.merge(due.openAmount().currencyCode(), due.openAmount().amount(), BigDecimal::add));
        return dues.stream().filter(due -> totals.get(due.openAmount().currencyCode()).compareTo(minimum) >= 0).toList();
    }

    private UUID record(String legalEntity, String customerId, LocalDate asOf, Level level, List<Due> dues,
            Optional<CustomerContact> contact, boolean escalate) {
        List<String> actions = new ArrayList<>(level.actionsOrNone().stream().map(Enum::name).toList());
        if (escalate && !actions.contains(Action.NOTIFY_COLLECTOR.name())) {
            actions.add(0, Action.NOTIFY_COLLECTOR.name());
        }
        DunningMessage message = new DunningMessage();
        message.id = UUID.randomUUID();
        message.legalEntity = legalEntity;
        message.customerId = customerId;
        message.level = level.level();
        message.channel = level.channel().name();
        message.actions = String.join(",", actions);
        message.asOf = asOf;
        message.createdAt = Instant.now(clock);
        if (level.channel() == PolicyDefinition.Channel.EMAIL) {
            message.language = contact.map(c -> c.language).orElse("en");
            message.recipient = contact.map(c -> c.email).orElse(null);
            String addressee = contact.map(c -> c.name).filter(name -> name != null).orElse(customerId);
            DunningLetter.Text text = DunningLetter.write(level.template(message.language), addressee, asOf,
                    dues.stream().map(d -> new DunningLetter.Line(d.invoice().invoiceNumber, d.invoice().dueDate,
                            d.openAmount(), d.daysPastDue())).toList());
            message.subject = text.subject();
            message.body = text.body();
        }
        message.delivery = (level.channel() == PolicyDefinition.Channel.EMAIL && message.recipient == null
                ? DunningMessage.Delivery.NO_CONTACT : DunningMessage.Delivery.PENDING).name();
        message.persist();
        for (Due due : dues) {
            DunningMessageItem item = new DunningMessageItem();
            item.messageId = message.id;
            item.legalEntity = legalEntity;
            item.customerId = customerId;
            item.level = level.level();
            item.invoiceNumber = due.invoice().invoiceNumber;
            item.currency = due.openAmount().currencyCode();
            item.openAmount = due.openAmount().amount();
            item.daysPastDue = due.daysPastDue();
            item.dueDate = due.invoice().dueDate;
            item.asOf = asOf;
            item.persist();
        }
        outbox.append(CollectionsTopic.NAME, Outbox.key(legalEntity, customerId), CollectionsTopic.DUNNING_STEP_TAKEN,
                customerId, new DunningStepTaken(legalEntity, customerId, level.level(), message.channel, actions,
                        dues.stream().map(d -> new DunningStepTaken.Invoice(d.invoice().invoiceNumber,
                                d.openAmount().amount().toPlainString(), d.openAmount().currencyCode(),
                                d.daysPastDue())).toList(),
                        asOf));
        Activity.log(legalEntity, customerId, Activity.Kind.DUNNING, "Level " + level.level() + " "
                + message.channel.toLowerCase() + " reminder as of " + asOf + " for "
                + DunningLetter.total(dues.stream().map(d -> new DunningLetter.Line(d.invoice().invoiceNumber,
                        d.invoice().dueDate, d.openAmount(), d.daysPastDue())).toList())
                + (actions.isEmpty() ? "" : "; actions " + String.join(", ", actions)), "dunning-run",
                Instant.now(clock));
        return message.id;
    }
}
