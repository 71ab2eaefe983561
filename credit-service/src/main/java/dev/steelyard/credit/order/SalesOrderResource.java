package dev.steelyard.credit.order;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;

import dev.steelyard.chassis.money.Money;
import dev.steelyard.chassis.security.EntityScope;
import dev.steelyard.chassis.security.Roles;
import dev.steelyard.chassis.web.ConflictException;
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
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The ERP's open sales orders: created or changed by PUT, cancelled by DELETE. */
@Path("/customers/{entity}/{customer}/orders/{orderRef}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SalesOrderResource {

    /** The body of the PUT: the order's total value. */
    public record OrderValue(@NotNull @PositiveOrZero BigDecimal amount, @NotBlank String currency) {
    }

    /** An order and the customer's credit after it. */
    public record OrderView(String orderRef, String amount, String currency, String openAmount, CreditView credit) {
    }

    @Inject
    EntityScope scope;

    @Inject
    CreditAssessment assessment;

    @Inject
    dev.steelyard.credit.exposure.ExposureQueries exposure;

    @Inject
    Clock clock;

    @PUT
    @RolesAllowed(Roles.ERP)
    @Transactional
    public OrderView put(@PathParam("entity") @Size(max = 32) String entity,
            @PathParam("customer") @Size(max = 64) String customer,
            @PathParam("orderRef") @Size(max = 64) String orderRef, @Valid @NotNull OrderValue value) {
        scope.requireVisible(entity, "Legal entity " + entity);
        Money amount = Figures.requestAmount("amount", value.amount(), value.currency());
        CreditAccount account = assessment.account(entity, customer, amount.currencyCode());
        SalesOrder order = SalesOrder.findByRef(entity, orderRef).orElse(null);
        if (order != null && !order.customerId.equals(customer)) {
            throw new ConflictException("Order " + orderRef + " of " + entity + " belongs to customer "
                    + order.customerId, "orderRef");
        }
        if (order == null) {
            order = new SalesOrder();
            order.legalEntity = entity;
            order.orderRef = orderRef;
            order.customerId = customer;
        }
        order.amount = amount.amount();
        order.currency = amount.currencyCode();
        order.cancelled = false;
        order.updatedAt = Instant.now(clock);
        order.persist();
        assessment.reassess(account, false);
        return new OrderView(orderRef, amount.amount().toPlainString(), order.currency,
                Figures.plain(exposure.openOrderAmount(entity, orderRef), order.currency), CreditView.of(account));
    }

    @DELETE
    @RolesAllowed(Roles.ERP)
    @Transactional
    public void cancel(@PathParam("entity") String entity, @PathParam("customer") String customer,
            @PathParam("orderRef") String orderRef) {
        scope.requireVisible(entity, "Legal entity " + entity);
        SalesOrder order = SalesOrder.findByRef(entity, orderRef).filter(o -> o.customerId.equals(customer))
                .orElseThrow(() -> new NotFoundException("Order " + orderRef + " of customer " + customer + " not found"));
        CreditAccount account = assessment.account(entity, customer, order.currency);
        order.cancelled = true;
        order.updatedAt = Instant.now(clock);
        assessment.reassess(account, false);
    }
}
