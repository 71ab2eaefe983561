package dev.steelyard.collections.dispute;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;

import dev.steelyard.chassis.money.Money;
import dev.steelyard.chassis.outbox.Outbox;
import dev.steelyard.chassis.security.EntityScope;
import dev.steelyard.chassis.security.Roles;
import dev.steelyard.chassis.web.ConflictException;
import dev.steelyard.chassis.web.InvalidInputException;
import dev.steelyard.chassis.web.QueryParameters;
import dev.steelyard.collections.activity.Activity;
import dev.steelyard.collections.events.CollectionsTopic;
import dev.steelyard.collections.events.DisputeOpened;
import dev.steelyard.collections.events.DisputeResolved;
import dev.steelyard.collections.receivables.Receivable;
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
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Disputes: opened, assigned, commented and resolved by collectors; a disputed invoice leaves dunning. */
@Path("/disputes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DisputeResource {

    /** openedOn defaults to today: a collector may log a dispute the customer raised earlier. */
    public record NewDispute(@NotBlank @Size(max = 32) String legalEntity, @NotBlank @Size(max = 64) String invoiceNumber,
            @NotNull @Positive BigDecimal amount, @NotNull Dispute.Reason reason, LocalDate openedOn,
            @Size(max = 4000) String comment) {
    }

    public record Assignment(@NotBlank @Size(max = 200) String assignee) {
    }

    public record NewComment(@NotBlank @Size(max = 4000) String text) {
    }

    public record NewResolution(@NotNull Dispute.Resolution resolution, @Size(max = 4000) String note,
            LocalDate resolvedOn) {
    }

    public record CommentView(String author, String text, Instant createdAt) {
    }

    /** ageDays: days open as of the asOf asked for (today by default), or until resolved. */
    public record DisputeView(UUID disputeId, String legalEntity, String customerId, String invoiceNumber,
            String amount, String currency, Dispute.Reason reason, Dispute.Status status, String assignee,
            LocalDate openedOn, long ageDays, Dispute.Resolution resolution, String resolutionNote,
            LocalDate resolvedOn, List<CommentView> comments) {
    }

    @Inject
    Outbox outbox;

    @Inject
    EntityScope scope;

    @Inject
    JsonWebToken token;

    @Inject
    Clock clock;

    @POST
    @RolesAllowed(Roles.COLLECTOR)
    @Transactional
    public Response open(@Valid @NotNull NewDispute request) {
        scope.requireVisible(request.legalEntity(), "Legal entity " + request.legalEntity());
        Receivable invoice = Receivable.byNumber(request.legalEntity(), request.invoiceNumber())
                .filter(r -> r.issued)
                .orElseThrow(() -> new InvalidInputException("invoiceNumber", "known-invoice", "invoice "
                        + request.invoiceNumber() + " of " + request.legalEntity() + " is not known to collections"));
        Money amount;
        try {
            amount = Money.of(request.amount(), invoice.currency);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("amount", "minor-units", e.getMessage());
        }
        if (amount.amount().compareTo(invoice.amount) > 0) {
            throw new InvalidInputException("amount", "not-above-invoice", "disputed amount " + amount.amount()
                    + " exceeds the invoice amount " + Money.of(invoice.amount, invoice.currency).amount());
        }
        if (Dispute.openFor(invoice.legalEntity, invoice.invoiceNumber)) {
            throw new ConflictException("Invoice " + invoice.invoiceNumber + " already has an open dispute",
                    "invoiceNumber");
        }
        Dispute dispute = new Dispute();
        dispute.id = UUID.randomUUID();
        dispute.legalEntity = invoice.legalEntity;
        dispute.customerId = invoice.customerId;
        dispute.invoiceNumber = invoice.invoiceNumber;
        dispute.currency = invoice.currency;
        dispute.amount = amount.amount();
        dispute.reason = request.reason().name();
        dispute.status = Dispute.Status.OPEN.name();
        dispute.openedOn = request.openedOn() == null ? LocalDate.now(clock) : request.openedOn();
        dispute.persist();
        if (request.comment() != null && !request.comment().isBlank()) {
            comment(dispute, request.comment());
        }
        outbox.append(CollectionsTopic.NAME, Outbox.key(dispute.legalEntity, dispute.customerId),
                CollectionsTopic.DISPUTE_OPENED, dispute.invoiceNumber, new DisputeOpened(dispute.legalEntity,
                        dispute.customerId, dispute.id.toString(), dispute.invoiceNumber,
                        amount.amount().toPlainString(), dispute.currency, dispute.reason));
        Activity.log(dispute.legalEntity, dispute.customerId, Activity.Kind.DISPUTE, "Dispute of "
                + dispute.invoiceNumber + " opened: " + amount.amount().toPlainString() + " " + dispute.currency + ", "
                + dispute.reason, token.getName(), Instant.now(clock));
        return Response.created(URI.create("/disputes/" + dispute.id)).entity(view(dispute, dispute.openedOn)).build();
    }

    @POST
    @Path("{id}/assignment")
    @RolesAllowed(Roles.COLLECTOR)
    @Transactional
    public DisputeView assign(@PathParam("id") UUID id, @Valid @NotNull Assignment request) {
        Dispute dispute = visible(id);
        requireOpen(dispute);
        dispute.assignee = request.assignee();
        return view(dispute, null);
    }

    @POST
    @Path("{id}/comments")
    @RolesAllowed(Roles.COLLECTOR)
    @Transactional
    public DisputeView addComment(@PathParam("id") UUID id, @Valid @NotNull NewComment request) {
        Dispute dispute = visible(id);
        comment(dispute, request.text());
        return view(dispute, null);
    }

    @POST
    @Path("{id}/resolution")
    @RolesAllowed(Roles.COLLECTOR)
    @Transactional
    public DisputeView resolve(@PathParam("id") UUID id, @Valid @NotNull NewResolution request) {
        Dispute dispute = visible(id);
        requireOpen(dispute);
        LocalDate resolvedOn = request.resolvedOn() == null ? LocalDate.now(clock) : request.resolvedOn();
        if (resolvedOn.isBefore(dispute.openedOn)) {
            throw new InvalidInputException("resolvedOn", "not-before-opened", "resolution date " + resolvedOn
                    + " is before the dispute was opened on " + dispute.openedOn);
        }
        dispute.status = Dispute.Status.RESOLVED.name();
        dispute.resolution = request.resolution().name();
        dispute.resolutionNote = request.note();
        dispute.resolvedOn = resolvedOn;
        outbox.append(CollectionsTopic.NAME, Outbox.key(dispute.legalEntity, dispute.customerId),
                CollectionsTopic.DISPUTE_RESOLVED, dispute.invoiceNumber, new DisputeResolved(dispute.legalEntity,
                        dispute.customerId, dispute.id.toString(), dispute.invoiceNumber,
                        Money.of(dispute.amount, dispute.currency).amount().toPlainString(), dispute.currency,
                        dispute.resolution));
        Activity.log(dispute.legalEntity, dispute.customerId, Activity.Kind.DISPUTE, "Dispute of "
                + dispute.invoiceNumber + " resolved: " + dispute.resolution, token.getName(), Instant.now(clock));
        return view(dispute, null);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.COLLECTOR, Roles.ADMIN })
    public DisputeView get(@PathParam("id") UUID id, @QueryParam("asOf") String asOf) {
        return view(visible(id), QueryParameters.date("asOf", asOf));
    }

    @GET
    @RolesAllowed({ Roles.COLLECTOR, Roles.ADMIN })
    public List<DisputeView> list(@QueryParam("entity") String entity, @QueryParam("customer") String customer,
            @QueryParam("status") String status, @QueryParam("asOf") String asOf) {
        if (entity == null || entity.isBlank()) {
            throw new InvalidInputException("entity", "required", "name the legal entity");
        }
        scope.requireVisible(entity, "Legal entity " + entity);
        Dispute.Status wanted = QueryParameters.oneOf("status", status, Dispute.Status.class);
        LocalDate date = QueryParameters.date("asOf", asOf);
        return Dispute.of(entity, customer, wanted == null ? null : wanted.name()).stream()
                .map(dispute -> view(dispute, date)).toList();
    }

    private Dispute visible(UUID id) {
        Dispute dispute = Dispute.findById(id);
        if (dispute == null || !scope.canSee(dispute.legalEntity)) {
            throw new NotFoundException("Dispute " + id + " not found");
        }
        return dispute;
    }

    private static void requireOpen(Dispute dispute) {
        if (!Dispute.Status.OPEN.name().equals(dispute.status)) {
            throw new ConflictException("Dispute " + dispute.id + " is resolved already", "status");
        }
    }

    private void comment(Dispute dispute, String text) {
        DisputeComment comment = new DisputeComment();
        comment.disputeId = dispute.id;
        comment.author = token.getName();
        comment.text = text;
        comment.createdAt = Instant.now(clock);
        comment.persist();
    }

    private DisputeView view(Dispute dispute, LocalDate asOf) {
        LocalDate until = dispute.resolvedOn != null ? dispute.resolvedOn : asOf != null ? asOf : LocalDate.now(clock);
        return new DisputeView(dispute.id, dispute.legalEntity, dispute.customerId, dispute.invoiceNumber,
                Money.of(dispute.amount, dispute.currency).amount().toPlainString(), dispute.currency,
                Dispute.Reason.valueOf(dispute.reason), Dispute.Status.valueOf(dispute.status), dispute.assignee,
                dispute.openedOn, Math.max(0, ChronoUnit.DAYS.between(dispute.openedOn, until)),
                dispute.resolution == null ? null : Dispute.Resolution.valueOf(dispute.resolution),
                dispute.resolutionNote, dispute.resolvedOn,
                DisputeComment.of(dispute.id).stream().map(c -> new CommentView(c.author, c.text, c.createdAt)).toList());
    }
}
