package dev.steelyard.kpi.rebuild;

import dev.steelyard.chassis.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The admin command that rebuilds every projection from the Kafka topics, and its progress. */
@Path("/admin/rebuild")
@Produces(MediaType.APPLICATION_JSON)
public class RebuildResource {

    @Inject
    ProjectionRebuild rebuild;

    @POST
    @RolesAllowed(Roles.ADMIN)
    public Response start() {
        return Response.accepted(rebuild.start()).build();
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    public ProjectionRebuild.Status status() {
        return rebuild.status();
    }
}
