package dev.steelyard.kpi.fx;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import dev.steelyard.chassis.web.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** Exchange rates loaded by an admin, looked up for the exact business date a figure is taken on. */
@ApplicationScoped
public class FxRates {

    @Inject
    EntityManager entityManager;

    /** How many units of {@code to} one unit of {@code from} is worth on the day; refuses when unknown. */
    public BigDecimal rate(String from, String to, LocalDate day) {
        if (from.equals(to)) {
            return BigDecimal.ONE;
        }
        @SuppressWarnings("unchecked")
        List<BigDecimal> rates = entityManager.createNativeQuery("""
                SELECT rate FROM fx_rate WHERE rate_date = :day AND from_currency = :from AND to_currency = :to""")
                .setParameter("day", day).setParameter("from", from).setParameter("to", to).getResultList();
        if (rates.isEmpty()) {
            throw new InvalidInputException("reportingCurrency", "exchange-rate-known",
                    "no exchange rate %s to %s for %s is loaded (PUT /fx-rates); amounts in different currencies are not added up without one"
                            .formatted(from, to, day));
        }
        return rates.get(0);
    }

    public void store(LocalDate day, String from, String to, BigDecimal rate) {
        entityManager.createNativeQuery("""
                INSERT INTO fx_rate (rate_date, from_currency, to_currency, rate) VALUES (:day, :from, :to, :rate)
                ON CONFLICT (rate_date, from_currency, to_currency) DO UPDATE SET rate = EXCLUDED.rate""")
                .setParameter("day", day).setParameter("from", from).setParameter("to", to).setParameter("rate", rate)
                .executeUpdate();
    }
}
