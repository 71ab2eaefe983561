package dev.steelyard.credit.hold;

import java.time.Clock;
import java.time.Instant;

import org.eclipse.microprofile.jwt.JsonWebToken;

import dev.steelyard.chassis.security.EntityScope;
import dev.steelyard.chassis.security.Roles;
import dev.steelyard.credit.exposure.CreditAccount;
import dev.steelyard.credit.exposure.CreditAssessment;
import dev.steelyard.credit.exposure.CreditResource;
import dev.steelyard.credit.exposure.CreditView;
import dev.steelyard.credit.limit.CreditHistory;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Manual hold and release by a credit manager, with a reason. A release lifts the manual and
 * the collections hold; automatic causes (over limit, past due, class E) hold until they clear.
 */
@Path("/customers/{entity}/{customer}/hold")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class HoldResource {

    /** Why the credit manager holds or releases. */
    public record Reason(@NotBlank @Size(max = 500) String reason) {
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
    public CreditView hold(@PathParam("entity") String entity, @PathParam("customer") String customer,
            @Valid @NotNull Reason request) {
        CreditResource.visible(scope, entity, customer);
        CreditAccount account = assessment.account(entity, customer, null);
        account.manualHold = true;
        account.manualHoldReason = request.reason();
        CreditHistory.record(entity, customer, "HOLD", "credit held manually", request.reason(), token.getName(),
                Instant.now(clock));
        return CreditView.of(assessment.reassess(account, false));
    }

    @POST
    @Path("/release")
    @RolesAllowed(Roles.CREDIT_MANAGER)
    @Transactional
    public CreditView release(@PathParam("entity") String entity, @PathParam("customer") String customer,
            @Valid @NotNull Reason request) {
        CreditResource.visible(scope, entity, customer);
        CreditAccount account = assessment.account(entity, customer, null);
        account.manualHold = false;
        account.manualHoldReason = null;
        account.collectionsHold = false;
        account.collectionsHoldReason = null;
        account.collectionsHoldInvoices = null;
        CreditHistory.record(entity, customer, "RELEASE", "manual and collections holds released", request.reason(),
                token.getName(), Instant.now(clock));
        return CreditView.of(assessment.reassess(account, false));
    }
}
