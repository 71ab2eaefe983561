package dev.steelyard.kpi.fx;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import dev.steelyard.chassis.money.Money;
import dev.steelyard.chassis.security.Roles;
import dev.steelyard.chassis.web.InvalidInputException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Loads exchange rates, so that figures of different currencies may be added up for the dates loaded. */
@Path("/fx-rates")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class FxRatesResource {

    /** 1 {@code from} = {@code rate} {@code to} on {@code date}. */
    public record FxRate(@NotNull LocalDate date, @NotNull String from, @NotNull String to,
            @NotNull @Positive BigDecimal rate) {
    }

    /** The rates to load. */
    public record FxRatesRequest(@NotEmpty List<@Valid @NotNull FxRate> rates) {
    }

    /** How many rates were stored. */
    public record Loaded(int loaded) {
    }

    @Inject
    FxRates fxRates;

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    public Loaded load(@Valid @NotNull FxRatesRequest request) {
        for (int i = 0; i < request.rates().size(); i++) {
            FxRate rate = request.rates().get(i);
            currency(rate.from(), "rates[" + i + "].from");
            currency(rate.to(), "rates[" + i + "].to");
            fxRates.store(rate.date(), rate.from(), rate.to(), rate.rate());
        }
        return new Loaded(request.rates().size());
    }

    private static void currency(String code, String field) {
        try {
            Money.currency(code);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "currency", e.getMessage());
        }
    }
}
