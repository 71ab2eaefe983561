package dev.steelyard.collections.dunning;

import java.time.LocalDate;
import java.util.List;

import dev.steelyard.chassis.security.EntityScope;
import dev.steelyard.chassis.security.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Runs dunning for one legal entity as of a given date, e.g. to catch up or replay; admins only. */
@Path("/dunning/runs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DunningRunResource {

    public record RunRequest(@NotBlank @Size(max = 32) String legalEntity, @NotNull LocalDate asOf) {
    }

    public record RunResult(String legalEntity, LocalDate asOf, List<DunningMessagesResource.MessageView> sent) {
    }

    @Inject
    DunningRun run;

    @Inject
    EntityScope scope;

    @POST
    @RolesAllowed(Roles.ADMIN)
    public RunResult run(@Valid @NotNull RunRequest request) {
        scope.requireVisible(request.legalEntity(), "Legal entity " + request.legalEntity());
        var recorded = run.run(request.legalEntity(), request.asOf());
        return new RunResult(request.legalEntity(), request.asOf(), QuarkusTransaction.requiringNew().call(() -> recorded
                .stream().map(id -> DunningMessagesResource.view(DunningMessage.findById(id))).toList()));
    }
}
