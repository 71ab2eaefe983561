package dev.steelyard.credit.score;

import java.time.LocalDate;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A promise to pay the customer broke; broken promises of the last 12 months weigh on payment behaviour. */
@Entity
@Table(name = "broken_promise")
public class BrokenPromise extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "legal_entity")
    public String legalEntity;

    @Column(name = "customer_id")
    public String customerId;

    @Column(name = "promise_id")
    public String promiseId;

    @Column(name = "promised_date")
    public LocalDate promisedDate;

    public static void record(String legalEntity, String promiseId, String customerId, LocalDate promisedDate) {
        if (count("legalEntity = ?1 and promiseId = ?2", legalEntity, promiseId) == 0) {
            BrokenPromise promise = new BrokenPromise();
            promise.legalEntity = legalEntity;
            promise.promiseId = promiseId;
            promise.customerId = customerId;
            promise.promisedDate = promisedDate;
            promise.persist();
        }
    }
}
