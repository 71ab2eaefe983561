package dev.steelyard.payments.allocation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Serialises every change to one customer's cash and open invoices (webhook worker, invoice
 * consumer and API alike, across replicas) with a PostgreSQL advisory lock held until commit.
 */
@ApplicationScoped
public class CustomerLock {

    @Inject
    EntityManager entityManager;

    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(String legalEntity, String customerId) {
        entityManager.createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))) AS locked")
                .setParameter("key", legalEntity + "/" + customerId)
                .getSingleResult();
    }
}
