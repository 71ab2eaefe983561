package dev.steelyard.credit.financials;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import org.eclipse.microprofile.jwt.JsonWebToken;

import dev.steelyard.chassis.money.Money;
import dev.steelyard.chassis.security.EntityScope;
import dev.steelyard.chassis.security.Roles;
import dev.steelyard.chassis.web.InvalidInputException;
import dev.steelyard.chassis.web.MoneyInput;
import dev.steelyard.credit.exposure.CreditAccount;
import dev.steelyard.credit.exposure.CreditAssessment;
import dev.steelyard.credit.score.AltmanZPrime;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Financial statements of a customer: each submission re-scores it with Altman's Z'. */
@Path("/customers/{entity}/{customer}/financials")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FinancialsResource {

    /** The statement figures; liabilities and assets are positive, earnings and equity may be negative. */
    public record Statement(@NotNull LocalDate statementDate, @NotBlank String currency,
            @NotNull @PositiveOrZero BigDecimal currentAssets, @NotNull @PositiveOrZero BigDecimal currentLiabilities,
            @NotNull @Positive BigDecimal totalAssets, @NotNull @Positive BigDecimal totalLiabilities,
            @NotNull BigDecimal retainedEarnings, @NotNull BigDecimal ebit, @NotNull BigDecimal bookEquity,
            @NotNull @PositiveOrZero BigDecimal sales) {
    }

    /** Each figure must fit the statement's columns; a larger one is a 400, not a database overflow. */
    private static void requireStorable(Statement request) {
        MoneyInput.requireStorable("currentAssets", request.currentAssets());
        MoneyInput.requireStorable("currentLiabilities", request.currentLiabilities());
        MoneyInput.requireStorable("totalAssets", request.totalAssets());
        MoneyInput.requireStorable("totalLiabilities", request.totalLiabilities());
        MoneyInput.requireStorable("retainedEarnings", request.retainedEarnings());
        MoneyInput.requireStorable("ebit", request.ebit());
        MoneyInput.requireStorable("bookEquity", request.bookEquity());
        MoneyInput.requireStorable("sales", request.sales());
    }

    /** Z' with its ratios, and the customer's score after it. */
    public record ZPrimeView(LocalDate statementDate, String zPrime, AltmanZPrime.Zone zone, String x1, String x2,
            String x3, String x4, String x5, int score, String riskClass) {
    }

    @Inject
    EntityScope scope;

    @Inject
    JsonWebToken token;

    @Inject
    CreditAssessment assessment;

    @Inject
    Clock clock;

    @POST
    @RolesAllowed(Roles.CREDIT_MANAGER)
    @Transactional
    public Response submit(@PathParam("entity") String entity, @PathParam("customer") String customer,
            @Valid @NotNull Statement request) {
        scope.requireVisible(entity, "Legal entity " + entity);
        try {
            Money.currency(request.currency());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("currency", "iso-4217", e.getMessage());
        }
        requireStorable(request);
        CreditAccount account = assessment.account(entity, customer, null);
        FinancialStatement statement = new FinancialStatement();
        statement.legalEntity = entity;
        statement.customerId = customer;
        statement.statementDate = request.statementDate();
        statement.currency = request.currency();
        statement.currentAssets = request.currentAssets();
        statement.currentLiabilities = request.currentLiabilities();
        statement.totalAssets = request.totalAssets();
        statement.totalLiabilities = request.totalLiabilities();
        statement.retainedEarnings = request.retainedEarnings();
        statement.ebit = request.ebit();
        statement.bookEquity = request.bookEquity();
        statement.sales = request.sales();
        statement.submittedBy = token.getName();
        statement.submittedAt = Instant.now(clock);
        statement.persist();
        assessment.reassess(account, false);
        AltmanZPrime z = statement.zPrime();
        return Response.status(Response.Status.CREATED).entity(new ZPrimeView(statement.statementDate,
                z.z().toPlainString(), z.zone(), z.x1().toPlainString(), z.x2().toPlainString(), z.x3().toPlainString(),
                z.x4().toPlainString(), z.x5().toPlainString(), account.score, account.riskClass)).build();
    }
}
