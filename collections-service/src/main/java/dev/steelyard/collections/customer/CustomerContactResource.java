package dev.steelyard.collections.customer;

import dev.steelyard.chassis.security.EntityScope;
import dev.steelyard.chassis.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A customer's dunning contact, kept by collectors. */
@Path("/customers/{entity}/{customer}/contact")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CustomerContactResource {

    /** The body of the PUT and what the GET answers. */
    public record Contact(@NotBlank @Email @Size(max = 254) String email,
            @NotNull @Pattern(regexp = "en|de", message = "must be en or de") String language,
            @Size(max = 64) String segment, @Size(max = 200) String name) {
    }

    @Inject
    EntityScope scope;

    @PUT
    @RolesAllowed({ Roles.COLLECTOR, Roles.ADMIN })
    @Transactional
    public Contact put(@PathParam("entity") String entity, @PathParam("customer") String customer,
            @Valid @NotNull Contact request) {
        scope.requireVisible(entity, "Legal entity " + entity);
        CustomerContact contact = CustomerContact.find(entity, customer).orElseGet(CustomerContact::new);
        contact.legalEntity = entity;
        contact.customerId = customer;
        contact.email = request.email();
        contact.language = request.language();
        contact.segment = request.segment();
        contact.name = request.name();
        contact.persist();
        return request;
    }

    @GET
    @RolesAllowed({ Roles.COLLECTOR, Roles.ADMIN })
    public Contact get(@PathParam("entity") String entity, @PathParam("customer") String customer) {
        scope.requireVisible(entity, "Legal entity " + entity);
        CustomerContact contact = CustomerContact.find(entity, customer)
                .orElseThrow(() -> new NotFoundException("Customer " + customer + " has no contact"));
        return new Contact(contact.email, contact.language, contact.segment, contact.name);
    }
}
