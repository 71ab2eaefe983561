package dev.steelyard.collections.activity;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.jwt.JsonWebToken;

import dev.steelyard.chassis.security.EntityScope;
import dev.steelyard.chassis.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A customer's activity log: collectors add calls, emails and notes; dunning, disputes and promises add themselves. */
@Path("/customers/{entity}/{customer}/activities")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ActivityResource {

    /** What a collector logs; only CALL, EMAIL and NOTE are theirs to add. */
    public enum LoggedKind {
        CALL, EMAIL, NOTE
    }

    public record NewActivity(@NotNull LoggedKind kind, @NotBlank @Size(max = 4000) String note) {
    }

    public record ActivityView(long id, String kind, String note, String author, Instant occurredAt) {
    }

    @Inject
    EntityScope scope;

    @Inject
    JsonWebToken token;

    @Inject
    Clock clock;

    @POST
    @RolesAllowed(Roles.COLLECTOR)
    @Transactional
    public Response add(@PathParam("entity") String entity, @PathParam("customer") String customer,
            @Valid @NotNull NewActivity request) {
        scope.requireVisible(entity, "Legal entity " + entity);
        Activity activity = Activity.log(entity, customer, Activity.Kind.valueOf(request.kind().name()), request.note(),
                token.getName(), Instant.now(clock));
        return Response.created(URI.create("/customers/" + entity + "/" + customer + "/activities/" + activity.id))
                .entity(view(activity)).build();
    }

    @GET
    @RolesAllowed({ Roles.COLLECTOR, Roles.ADMIN })
    public List<ActivityView> list(@PathParam("entity") String entity, @PathParam("customer") String customer) {
        scope.requireVisible(entity, "Legal entity " + entity);
        return Activity.of(entity, customer).stream().map(ActivityResource::view).toList();
    }

    private static ActivityView view(Activity activity) {
        return new ActivityView(activity.id, activity.kind, activity.note, activity.author, activity.occurredAt);
    }
}
