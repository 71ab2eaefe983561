package dev.steelyard.collections.dunning;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.steelyard.chassis.money.Money;
import dev.steelyard.chassis.security.EntityScope;
import dev.steelyard.chassis.security.Roles;
import dev.steelyard.chassis.web.InvalidInputException;
import io.quarkus.panache.common.Parameters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Every dunning message sent, with its level, channel and each invoice with the open amount it named. */
@Path("/dunning/messages")
@Produces(MediaType.APPLICATION_JSON)
public class DunningMessagesResource {

    public record ItemView(String invoiceNumber, LocalDate dueDate, String openAmount, String currency,
            int daysPastDue) {
    }

    public record MessageView(UUID messageId, String legalEntity, String customerId, int level, String channel,
            List<String> actions, LocalDate asOf, String recipient, String language, String subject,
            DunningMessage.Delivery delivery, List<ItemView> invoices) {
    }

    @Inject
    EntityScope scope;

    @GET
    @RolesAllowed({ Roles.COLLECTOR, Roles.ADMIN })
    public List<MessageView> list(@QueryParam("entity") String entity, @QueryParam("customer") String customer) {
        if (entity == null || entity.isBlank()) {
            throw new InvalidInputException("entity", "required", "name the legal entity");
        }
        scope.requireVisible(entity, "Legal entity " + entity);
        String query = "legalEntity = :entity" + (customer == null ? "" : " and customerId = :customer")
                + " order by asOf, customerId, level";
        Parameters parameters = Parameters.with("entity", entity);
        if (customer != null) {
            parameters.and("customer", customer);
        }
        return DunningMessage.<DunningMessage>list(query, parameters).stream().map(DunningMessagesResource::view)
                .toList();
    }

    static MessageView view(DunningMessage message) {
        return new MessageView(message.id, message.legalEntity, message.customerId, message.level, message.channel,
                message.actions.isEmpty() ? List.of() : List.of(message.actions.split(",")), message.asOf,
                message.recipient, message.language, message.subject, DunningMessage.Delivery.valueOf(message.delivery),
                DunningMessageItem.of(message.id).stream().map(DunningMessagesResource::item).toList());
    }

    static ItemView item(DunningMessageItem item) {
        return new ItemView(item.invoiceNumber, item.dueDate, Money.of(item.openAmount, item.currency).amount()
                .toPlainString(), item.currency, item.daysPastDue);
    }
}
