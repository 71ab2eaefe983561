package dev.steelyard.kpi.stream;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;

import org.jboss.resteasy.reactive.RestStreamElementType;

import dev.steelyard.chassis.security.EntityScope;
import dev.steelyard.chassis.security.Roles;
import dev.steelyard.kpi.kpi.Conventions;
import dev.steelyard.kpi.kpi.KpiParameters;
import dev.steelyard.kpi.kpi.PeriodFigures;
import dev.steelyard.kpi.kpi.PeriodReport;
import dev.steelyard.kpi.receivables.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

/**
 * Server-sent events: the scope's month summary at once, then again after every event that
 * touched an entity of the scope (default month: the current one by the business clock).
 */
@Path("/kpis/stream")
public class KpiStreamResource {

    private static final Set<String> PARAMETERS = KpiParameters.with(KpiParameters.SCOPE, "month", "ceiSales",
            "countbackMonth");

    @Inject
    KpiChanges changes;

    @Inject
    PeriodFigures figures;

    @Inject
    EntityScope entityScope;

    @Inject
    Clock clock;

    @Context
    UriInfo uri;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.OPS, Roles.ADMIN })
    @Blocking
    public Multi<PeriodReport> stream() {
        KpiParameters parameters = KpiParameters.of(uri, PARAMETERS);
        // Everything request-scoped is read now: the summaries are computed later, on a worker thread.
        Scope scope = parameters.scope(entityScope);
        YearMonth month = parameters.text("month") == null ? YearMonth.from(LocalDate.now(clock))
                : KpiParameters.month(parameters.text("month"));
        Conventions conventions = parameters.conventions();
        String reportingCurrency = parameters.currency("reportingCurrency");
        // Validates the scope now, so a refused one is a 400 rather than a broken stream.
        PeriodReport first = summary(scope, month, conventions, reportingCurrency);
        Multi<PeriodReport> updates = changes.stream()
                .filter(entity -> concerns(scope, entity))
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(entity -> summary(scope, month, conventions, reportingCurrency));
        return Multi.createBy().concatenating().streams(Multi.createFrom().item(first), updates);
    }

    private PeriodReport summary(Scope scope, YearMonth month, Conventions conventions, String reportingCurrency) {
        return QuarkusTransaction.requiringNew().call(() -> PeriodReport.of(scope,
                figures.period(scope, month.atDay(1), month.atEndOfMonth(), conventions, reportingCurrency)));
    }

    private static boolean concerns(Scope scope, String entity) {
        return (scope.entity() == null || scope.entity().equals(entity))
                && (scope.visible() == null || scope.visible().contains(entity));
    }
}
