package dev.steelyard.kpi.aging;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.steelyard.chassis.security.EntityScope;
import dev.steelyard.chassis.security.Roles;
import dev.steelyard.chassis.web.InvalidInputException;
import dev.steelyard.kpi.fx.FxRates;
import dev.steelyard.kpi.kpi.KpiParameters;
import dev.steelyard.kpi.kpi.Reported;
import dev.steelyard.kpi.receivables.OpenItem;
import dev.steelyard.kpi.receivables.ReceivablesQueries;
import dev.steelyard.kpi.receivables.Scope;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

/** Aging of open invoices at the end of a day, with the invoices behind each bucket on request. */
@Path("/kpis/aging")
@Produces(MediaType.APPLICATION_JSON)
public class AgingResource {

    /** One open invoice and where it ages; amounts in the invoice's own currency. */
    public record AgedInvoice(String legalEntity, String customerId, String invoiceNumber, String currency,
            LocalDate dueDate, Long daysPastDue, String bucket, String openAmount) {
    }

    /** The buckets at the end of asOf; they add up to AR (awaitingInvoice: payments ahead of their invoice). */
    public record AgingReport(LocalDate asOf, Instant knownAt, String entity, String customer, String currency,
            List<String> convertedFrom, String openAR, Map<String, String> buckets, List<AgedInvoice> invoices) {
    }

    @Inject
    ReceivablesQueries queries;

    @Inject
    FxRates fxRates;

    @Inject
    EntityScope entityScope;

    @Context
    UriInfo uri;

    @GET
    @RolesAllowed({ Roles.OPS, Roles.ADMIN })
    public AgingReport aging() {
        KpiParameters parameters = KpiParameters.of(uri, KpiParameters.with(KpiParameters.SCOPE, "asOf", "invoices"));
        LocalDate asOf = parameters.date("asOf", true);
        boolean withInvoices = flag(parameters.text("invoices"));
        Scope scope = parameters.scope(entityScope);
        String reportingCurrency = parameters.currency("reportingCurrency");
        List<OpenItem> items = queries.openItems(scope, asOf);
        List<String> currencies = items.stream().map(OpenItem::currency).distinct().sorted().toList();
        String currency = scope.currency();
        Aging aging;
        if (reportingCurrency != null) {
            aging = Aging.empty(asOf);
            for (String code : currencies) {
                List<OpenItem> inCurrency = items.stream().filter(i -> i.currency().equals(code)).toList();
                aging = aging.plus(Aging.of(asOf, inCurrency).times(fxRates.rate(code, reportingCurrency, asOf)));
            }
            currency = reportingCurrency;
        } else {
            if (currencies.size() > 1) {
                throw new InvalidInputException("currency", "single-currency", "the scope holds amounts in "
                        + String.join(", ", currencies)
                        + "; ask for one currency, or load exchange rates (PUT /fx-rates) and name a reportingCurrency");
            }
            currency = currency != null ? currency : currencies.isEmpty() ? null : currencies.get(0);
            aging = Aging.of(asOf, items);
        }
        BigDecimal total = aging.awaitingInvoice();
        for (BigDecimal amount : aging.buckets().values()) {
            total = total.add(amount);
        }
        List<AgedInvoice> invoices = null;
        if (withInvoices) {
            invoices = new ArrayList<>();
            for (OpenItem item : items) {
                Long days = item.dueDate() == null ? null : Aging.daysPastDue(asOf, item);
                invoices.add(new AgedInvoice(item.legalEntity(), item.customerId(), item.invoiceNumber(),
                        item.currency(), item.dueDate(), days,
                        days == null ? "awaitingInvoice" : AgingBucket.of(days).label,
                        Reported.money(item.openAmount(), item.currency())));
            }
        }
        return new AgingReport(asOf, scope.knownAt(), scope.entity(), scope.customer(), currency,
                reportingCurrency == null ? null : currencies, Reported.money(total, currency),
                Reported.aging(aging, currency), invoices);
    }

    private static boolean flag(String value) {
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw new InvalidInputException("invoices", "boolean", "must be true or false");
    }
}
