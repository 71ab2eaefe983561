package dev.steelyard.credit.limit;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;

import org.eclipse.microprofile.jwt.JsonWebToken;

import dev.steelyard.chassis.money.Money;
import dev.steelyard.chassis.security.EntityScope;
import dev.steelyard.chassis.security.Roles;
import dev.steelyard.chassis.web.ConflictException;
import dev.steelyard.credit.config.CreditConfig;
import dev.steelyard.credit.exposure.CreditAccount;
import dev.steelyard.credit.exposure.CreditAssessment;
import dev.steelyard.credit.exposure.CreditView;
import dev.steelyard.credit.exposure.Figures;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Credit limits set by credit managers with a reason. A limit above the entity's approval
 * threshold waits for a second, different credit manager (four eyes) before it applies.
 */
@Path("/customers/{entity}/{customer}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LimitResource {

    /** The body of {@code PUT .../limit}. */
    public record NewLimit(@NotNull @PositiveOrZero BigDecimal amount, @NotBlank String currency,
            @NotBlank @Size(max = 500) String reason) {
    }

    /** A limit request and, once applied, the credit it gives. */
    public record LimitRequestView(long id, String amount, String currency, String reason, LimitRequest.Status status,
            String requestedBy, String approvedBy, CreditView credit) {
    }

    @Inject
    EntityScope scope;

    @Inject
    JsonWebToken token;

    @Inject
    CreditAssessment assessment;

    @Inject
    CreditConfig config;

    @Inject
    Clock clock;

    @PUT
    @Path("/limit")
    @RolesAllowed(Roles.CREDIT_MANAGER)
    @Transactional
    public Response setLimit(@PathParam("entity") @Size(max = 32) String entity,
            @PathParam("customer") @Size(max = 64) String customer, @Valid @NotNull NewLimit request) {
        scope.requireVisible(entity, "Legal entity " + entity);
        Money amount = Figures.requestAmount("amount", request.amount(), request.currency());
        CreditAccount account = assessment.account(entity, customer, amount.currencyCode());
        if (!account.currency.equals(amount.currencyCode())) {
            throw new ConflictException("The credit of customer " + customer + " is kept in " + account.currency
                    + "; a limit in " + amount.currencyCode() + " cannot apply", "currency");
        }
        // The latest decision counts: an older request still waiting can no longer be approved.
        LimitRequest.update("status = ?1 where legalEntity = ?2 and customerId = ?3 and status = ?4",
                LimitRequest.Status.SUPERSEDED, entity, customer, LimitRequest.Status.PENDING_APPROVAL);
        LimitRequest limit = new LimitRequest();
        limit.legalEntity = entity;
        limit.customerId = customer;
        limit.amount = amount.amount();
        limit.currency = amount.currencyCode();
        limit.reason = request.reason();
        limit.requestedBy = token.getName();
        limit.requestedAt = Instant.now(clock);
        BigDecimal threshold = config.policy(entity).approvalThreshold();
        if (amount.amount().compareTo(threshold) > 0) {
            limit.status = LimitRequest.Status.PENDING_APPROVAL;
            limit.persist();
            CreditHistory.record(entity, customer, "LIMIT_REQUESTED", "limit " + Figures.words(limit.amount, limit.currency)
                    + " " + limit.currency + " requested; above the approval threshold "
                    + Figures.words(threshold, limit.currency) + ", it needs a second credit manager", limit.reason,
                    limit.requestedBy, limit.requestedAt);
            return Response.accepted(view(limit, account)).build();
        }
        limit.status = LimitRequest.Status.APPLIED;
        limit.persist();
        apply(limit, account);
        return Response.ok(view(limit, account)).build();
    }

    @POST
    @Path("/limit-requests/{id}/approval")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.CREDIT_MANAGER)
    @Transactional
    public LimitRequestView approve(@PathParam("entity") String entity, @PathParam("customer") String customer,
            @PathParam("id") long id) {
        scope.requireVisible(entity, "Legal entity " + entity);
        LimitRequest limit = LimitRequest.<LimitRequest>findByIdOptional(id)
                .filter(r -> r.legalEntity.equals(entity) && r.customerId.equals(customer))
                .orElseThrow(() -> new NotFoundException("Limit request " + id + " of customer " + customer + " not found"));
        CreditAccount account = assessment.account(entity, customer, limit.currency);
        if (limit.status != LimitRequest.Status.PENDING_APPROVAL) {
            throw new ConflictException("Limit request " + id + (limit.status == LimitRequest.Status.SUPERSEDED
                    ? " was superseded by a later limit" : " was already approved by " + limit.approvedBy));
        }
        if (limit.requestedBy.equals(token.getName())) {
            throw new ConflictException("Limit request " + id + " needs a second credit manager: " + token.getName()
                    + " requested it and cannot approve it", "approvedBy");
        }
        limit.status = LimitRequest.Status.APPLIED;
        limit.approvedBy = token.getName();
        limit.approvedAt = Instant.now(clock);
        apply(limit, account);
        return view(limit, account);
    }

    private void apply(LimitRequest limit, CreditAccount account) {
        String previous = account.creditLimit == null ? "none" : Figures.words(account.creditLimit, account.currency);
        account.creditLimit = limit.amount;
        String approval = limit.approvedBy == null ? "" : ", requested by " + limit.requestedBy;
        CreditHistory.record(limit.legalEntity, limit.customerId, "LIMIT_SET", "limit " + previous + " -> "
                + Figures.words(limit.amount, limit.currency) + " " + limit.currency + approval, limit.reason,
                limit.approvedBy == null ? limit.requestedBy : limit.approvedBy, Instant.now(clock));
        assessment.reassess(account, false);
    }

    private static LimitRequestView view(LimitRequest limit, CreditAccount account) {
        return new LimitRequestView(limit.id, Figures.plain(limit.amount, limit.currency), limit.currency, limit.reason,
                limit.status, limit.requestedBy, limit.approvedBy, CreditView.of(account));
    }
}
