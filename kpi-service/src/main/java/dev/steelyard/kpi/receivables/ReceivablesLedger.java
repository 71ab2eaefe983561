package dev.steelyard.kpi.receivables;

import java.time.Clock;
import java.time.Instant;

import dev.steelyard.chassis.events.IncomingEvent;
import dev.steelyard.chassis.money.Money;
import dev.steelyard.kpi.events.InvoiceIssued;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Turns AR events into ledger entries; runs inside the inbox transaction. */
@ApplicationScoped
public class ReceivablesLedger {

    @Inject
    Clock clock;

    public void apply(IncomingEvent event) {
        switch (event.type()) {
            case "InvoiceIssued.v1" -> invoiceIssued(event.id(), event.data(InvoiceIssued.class));
            default -> {
                // Event types this projection does not use are skipped, so producers can add types freely.
            }
        }
    }

    private void invoiceIssued(String eventId, InvoiceIssued invoice) {
        require(invoice.legalEntity(), "legalEntity");
        require(invoice.invoiceNumber(), "invoiceNumber");
        require(invoice.customerId(), "customerId");
        require(invoice.issueDate(), "issueDate");
        require(invoice.dueDate(), "dueDate");
        require(invoice.amount(), "amount");
        Money amount = Money.of(invoice.amount(), invoice.currency());
        ArEntry entry = new ArEntry();
        entry.eventId = eventId;
        entry.legalEntity = invoice.legalEntity();
        entry.customerId = invoice.customerId();
        entry.invoiceNumber = invoice.invoiceNumber();
        entry.currency = amount.currencyCode();
        entry.kind = ArEntry.Kind.INVOICE;
        entry.amount = amount.amount();
        entry.businessDate = invoice.issueDate();
        entry.dueDate = invoice.dueDate();
        entry.receivedAt = Instant.now(clock);
        entry.persist();
    }

    private static void require(Object value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("data." + field + " is missing");
        }
    }
}
