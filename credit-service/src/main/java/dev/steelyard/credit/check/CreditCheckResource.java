package dev.steelyard.credit.check;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import dev.steelyard.chassis.money.Money;
import dev.steelyard.chassis.security.EntityScope;
import dev.steelyard.chassis.security.Roles;
import dev.steelyard.credit.exposure.CreditAccount;
import dev.steelyard.credit.exposure.ExposureQueries;
import dev.steelyard.credit.exposure.Figures;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Answers whether a prospective order may go on credit, from the service's own materialized
 * state: one indexed read of the account (and one of the order when it was reported before).
 */
@Path("/credit-checks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CreditCheckResource {

    /** The body of {@code POST /credit-checks}. */
    public record CheckRequest(@NotBlank @Size(max = 32) String entity, @NotBlank @Size(max = 64) String customer,
            @NotNull @Positive BigDecimal amount, @NotBlank String currency, @Size(max = 64) String orderRef) {
    }

    /** The answer, with the reasons in words and figures. */
    public record CheckAnswer(CreditDecision.Decision decision, List<String> reasons, String exposure, String limit,
            String available, String currency) {
    }

    @Inject
    EntityScope scope;

    @Inject
    ExposureQueries exposure;

    @POST
    @RolesAllowed(Roles.ERP)
    public CheckAnswer check(@Valid @NotNull CheckRequest request) {
        scope.requireVisible(request.entity(), "Legal entity " + request.entity());
        Money order = Figures.requestAmount("amount", request.amount(), request.currency());
        Optional<CreditAccount> found = CreditAccount.findByCustomer(request.entity(), request.customer());
        String currency = found.map(a -> a.currency).filter(c -> c != null).orElse(order.currencyCode());
        BigDecimal current = found.map(a -> a.exposure).orElse(BigDecimal.ZERO);
        if (request.orderRef() != null && found.isPresent()) {
            // A changed order replaces its earlier value rather than adding to it.
            current = current.subtract(exposure.openOrderAmount(request.entity(), request.orderRef()));
        }
        BigDecimal limit = found.map(a -> a.creditLimit).orElse(null);
        CreditDecision.Outcome outcome = CreditDecision.decide(new CreditDecision.Credit(currency, limit, current,
                found.map(a -> a.riskClass).orElse(null), found.map(a -> a.hold).orElse(false),
                found.map(CreditAccount::holdReasonList).orElse(List.of())), order.amount(), order.currencyCode());
        return new CheckAnswer(outcome.decision(), outcome.reasons(), Figures.plain(current, currency),
                Figures.plain(limit, currency), limit == null ? null : Figures.plain(limit.subtract(current), currency),
                currency);
    }
}
