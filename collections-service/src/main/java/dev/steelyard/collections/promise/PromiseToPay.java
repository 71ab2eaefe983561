package dev.steelyard.collections.promise;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A customer's promise to pay an amount by a date; dunning pauses until the date plus a grace period. */
@Entity
@Table(name = "promise_to_pay")
public class PromiseToPay extends PanacheEntityBase {

    public enum Status {
        OPEN, KEPT, BROKEN
    }

    @Id
    public UUID id;

    @Column(name = "legal_entity")
    public String legalEntity;

    @Column(name = "customer_id")
    public String customerId;

    public BigDecimal amount;

    public String currency;

    @Column(name = "promised_date")
    public LocalDate promisedDate;

    public String status;

    /** When the promise was recorded: only money learnt of afterwards keeps it. */
    @Column(name = "recorded_at")
    public Instant recordedAt;

    @Column(name = "closed_on")
    public LocalDate closedOn;

    /** Whether a dunning step has escalated the broken promise yet. */
    public boolean escalated;

    public LocalDate pausedUntil(int graceDays) {
        return promisedDate.plusDays(graceDays);
    }

    public static boolean pausesDunning(String legalEntity, String customerId, LocalDate asOf, int graceDays) {
        return count("legalEntity = ?1 and customerId = ?2 and status = 'OPEN' and promisedDate >= ?3", legalEntity,
                customerId, asOf.minusDays(graceDays)) > 0;
    }

    public static List<PromiseToPay> open(String legalEntity) {
        return list("legalEntity = ?1 and status = 'OPEN' order by promisedDate", legalEntity);
    }

    public static List<PromiseToPay> brokenNotEscalated(String legalEntity, String customerId) {
        return list("legalEntity = ?1 and customerId = ?2 and status = 'BROKEN' and escalated = false", legalEntity,
                customerId);
    }

    public static long brokenCount(String legalEntity, String customerId) {
        return count("legalEntity = ?1 and customerId = ?2 and status = 'BROKEN'", legalEntity, customerId);
    }

    public static List<PromiseToPay> of(String legalEntity, String customerId) {
        return customerId == null ? list("legalEntity = ?1 order by promisedDate", legalEntity)
                : list("legalEntity = ?1 and customerId = ?2 order by promisedDate", legalEntity, customerId);
    }
}
