package dev.steelyard.kpi.kpi;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;

import dev.steelyard.chassis.security.EntityScope;
import dev.steelyard.chassis.security.Roles;
import dev.steelyard.kpi.receivables.Scope;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

/** DSO, CEI and aging of a calendar month or any period of days, for a scope, as of any knowledge time. */
@Path("/kpis")
@Produces(MediaType.APPLICATION_JSON)
public class KpiResource {

    private static final Set<String> PERIOD_PARAMETERS = KpiParameters.with(KpiParameters.SCOPE, "ceiSales",
            "countbackMonth");

    @Inject
    PeriodFigures figures;

    @Inject
    EntityScope entityScope;

    @Context
    UriInfo uri;

    @GET
    @Path("/month/{month}")
    @RolesAllowed({ Roles.OPS, Roles.ADMIN })
    public PeriodReport month(@PathParam("month") String month) {
        YearMonth yearMonth = KpiParameters.month(month);
        return report(yearMonth.atDay(1), yearMonth.atEndOfMonth(), KpiParameters.of(uri, PERIOD_PARAMETERS));
    }

    @GET
    @Path("/period")
    @RolesAllowed({ Roles.OPS, Roles.ADMIN })
    public PeriodReport period() {
        KpiParameters parameters = KpiParameters.of(uri, KpiParameters.with(PERIOD_PARAMETERS, "from", "to"));
        LocalDate from = parameters.date("from", true);
        LocalDate to = parameters.date("to", true);
        KpiParameters.requireOrdered(from, to);
        return report(from, to, parameters);
    }

    private PeriodReport report(LocalDate from, LocalDate to, KpiParameters parameters) {
        Scope scope = parameters.scope(entityScope);
        return PeriodReport.of(scope, figures.period(scope, from, to, parameters.conventions(),
                parameters.currency("reportingCurrency")));
    }
}
