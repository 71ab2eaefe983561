package dev.steelyard.kpi.receivables;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import dev.steelyard.chassis.money.Money;
import dev.steelyard.chassis.security.EntityScope;
import dev.steelyard.chassis.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Total open receivables per currency, as far as the events received so far tell. */
@Path("/kpis/open-ar")
@Produces(MediaType.APPLICATION_JSON)
public class OpenReceivablesResource {

    /** Open AR in one currency. */
    public record OpenAr(String currency, String openAR) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    EntityScope scope;

    @GET
    @RolesAllowed({ Roles.OPS, Roles.ADMIN })
    public List<OpenAr> openAr(@QueryParam("entity") String entity) {
        if (entity != null && !scope.canSee(entity)) {
            return List.of();
        }
        Set<String> visible = scope.restriction().orElse(null);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createQuery("""
                SELECT e.currency, SUM(e.amount) FROM ArEntry e
                WHERE (:entity IS NULL OR e.legalEntity = :entity)
                  AND (:unrestricted = TRUE OR e.legalEntity IN :visible)
                GROUP BY e.currency ORDER BY e.currency""")
                .setParameter("entity", entity)
                .setParameter("unrestricted", visible == null)
                .setParameter("visible", visible == null ? Set.of("") : visible)
                .getResultList();
        return rows.stream()
                .map(row -> new OpenAr((String) row[0],
                        Money.rounded((BigDecimal) row[1], Money.currency((String) row[0])).amount().toPlainString()))
                .toList();
    }
}
