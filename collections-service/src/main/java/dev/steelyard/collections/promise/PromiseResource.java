package dev.steelyard.collections.promise;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;

import dev.steelyard.chassis.money.Money;
import dev.steelyard.chassis.outbox.Outbox;
import dev.steelyard.chassis.security.EntityScope;
import dev.steelyard.chassis.security.Roles;
import dev.steelyard.chassis.web.InvalidInputException;
import dev.steelyard.chassis.web.MoneyInput;
import dev.steelyard.collections.CollectionsConfig;
import dev.steelyard.collections.activity.Activity;
import dev.steelyard.collections.events.CollectionsTopic;
import dev.steelyard.collections.events.PromiseEvent;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Promises to pay, recorded by collectors and published. */
@Path("/promises")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PromiseResource {

    public record NewPromise(@NotBlank @Size(max = 32) String legalEntity, @NotBlank @Size(max = 64) String customerId,
            @NotNull @Positive BigDecimal amount, @NotBlank String currency, @NotNull LocalDate promisedDate) {
    }

    public record PromiseView(UUID promiseId, String legalEntity, String customerId, String amount, String currency,
            LocalDate promisedDate, LocalDate pausedUntil, PromiseToPay.Status status, LocalDate closedOn) {
    }

    @Inject
    Outbox outbox;

    @Inject
    EntityScope scope;

    @Inject
    JsonWebToken token;

    @Inject
    CollectionsConfig config;

    @Inject
    Clock clock;

    @POST
    @RolesAllowed(Roles.COLLECTOR)
    @Transactional
    public Response record(@Valid @NotNull NewPromise request) {
        scope.requireVisible(request.legalEntity(), "Legal entity " + request.legalEntity());
        Money amount = MoneyInput.of("amount", request.amount(), request.currency());
        PromiseToPay promise = new PromiseToPay();
        promise.id = UUID.randomUUID();
        promise.legalEntity = request.legalEntity();
        promise.customerId = request.customerId();
        promise.amount = amount.amount();
        promise.currency = amount.currencyCode();
        promise.promisedDate = request.promisedDate();
        promise.status = PromiseToPay.Status.OPEN.name();
        promise.recordedAt = Instant.now(clock);
        promise.persist();
        outbox.append(CollectionsTopic.NAME, Outbox.key(promise.legalEntity, promise.customerId),
                CollectionsTopic.PROMISE_TO_PAY_RECORDED, promise.customerId, new PromiseEvent(promise.legalEntity,
                        promise.customerId, promise.id.toString(), amount.amount().toPlainString(), promise.currency,
                        promise.promisedDate));
        Activity.log(promise.legalEntity, promise.customerId, Activity.Kind.PROMISE, "Promised to pay "
                + amount.amount().toPlainString() + " " + promise.currency + " by " + promise.promisedDate,
                token.getName(), promise.recordedAt);
        return Response.created(URI.create("/promises/" + promise.id)).entity(view(promise)).build();
    }

    @GET
    @RolesAllowed({ Roles.COLLECTOR, Roles.ADMIN })
    public List<PromiseView> list(@QueryParam("entity") String entity, @QueryParam("customer") String customer) {
        if (entity == null || entity.isBlank()) {
            throw new InvalidInputException("entity", "required", "name the legal entity");
        }
        scope.requireVisible(entity, "Legal entity " + entity);
        return PromiseToPay.of(entity, customer).stream().map(this::view).toList();
    }

    private PromiseView view(PromiseToPay promise) {
        return new PromiseView(promise.id, promise.legalEntity, promise.customerId,
                Money.of(promise.amount, promise.currency).amount().toPlainString(), promise.currency,
                promise.promisedDate, promise.pausedUntil(config.promiseGraceDays()),
                PromiseToPay.Status.valueOf(promise.status), promise.closedOn);
    }
}
