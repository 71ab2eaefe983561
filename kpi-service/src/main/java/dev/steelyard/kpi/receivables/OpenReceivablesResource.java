package dev.steelyard.kpi.receivables;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.steelyard.chassis.money.Money;
import dev.steelyard.chassis.security.EntityScope;
import dev.steelyard.chassis.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Total open receivables per currency, over every business date the events received so far tell of. */
@Path("/kpis/open-ar")
@Produces(MediaType.APPLICATION_JSON)
public class OpenReceivablesResource {

    /** Open AR in one currency. */
    public record OpenAr(String currency, String openAR) {
    }

    @Inject
    ReceivablesQueries queries;

    @Inject
    EntityScope scope;

    @GET
    @RolesAllowed({ Roles.OPS, Roles.ADMIN })
    public List<OpenAr> openAr(@QueryParam("entity") String entity) {
        if (entity != null) {
            scope.requireVisible(entity, "legal entity " + entity);
        }
        Set<String> visible = scope.restriction().orElse(null);
        Map<String, Balances> balances = queries.balances(new Scope(entity, null, null, visible, null), LocalDate.of(9999, 12, 31));
        return balances.entrySet().stream()
                .map(e -> new OpenAr(e.getKey(),
                        Money.rounded(e.getValue().ar(), Money.currency(e.getKey())).amount().toPlainString()))
                .toList();
    }
}
