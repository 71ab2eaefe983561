package dev.steelyard.credit.exposure;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

/**
 * A customer's credit with one legal entity: limit, materialized exposure and its parts, the
 * last score and the holds. A credit check reads this one row.
 */
@Entity
@Table(name = "credit_account")
public class CreditAccount extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "legal_entity")
    public String legalEntity;

    @Column(name = "customer_id")
    public String customerId;

    public String currency;

    @Column(name = "credit_limit")
    public BigDecimal creditLimit;

    @Column(name = "open_ar")
    public BigDecimal openAR;

    @Column(name = "open_orders")
    public BigDecimal openOrders;

    @Column(name = "unapplied_cash")
    public BigDecimal unappliedCash;

    public BigDecimal exposure;

    public int score;

    @Column(name = "risk_class")
    public String riskClass;

    @Column(name = "score_reasons")
    public String scoreReasons;

    @Column(name = "recommended_limit")
    public BigDecimal recommendedLimit;

    @Column(name = "collections_hold")
    public boolean collectionsHold;

    @Column(name = "collections_hold_reason")
    public String collectionsHoldReason;

    /** The invoices collections dunned when it asked for the hold, one per line. */
    @Column(name = "collections_hold_invoices")
    public String collectionsHoldInvoices;

    @Column(name = "manual_hold")
    public boolean manualHold;

    @Column(name = "manual_hold_reason")
    public String manualHoldReason;

    public boolean hold;

    /** Hold causes in words, one a line. */
    @Column(name = "hold_reasons")
    public String holdReasons;

    /** Hold cause codes, one a line: what CreditChanged publishes. */
    @Column(name = "hold_causes")
    public String holdCauses;

    @Column(name = "next_review_date")
    public LocalDate nextReviewDate;

    /** The earliest date on which time alone may change the assessment (review due, an invoice crossing the past-due threshold). */
    @Column(name = "next_evaluation_date")
    public LocalDate nextEvaluationDate;

    /** The CreditChanged data last published, without its timestamp, to publish only changes. */
    @Column(name = "published_state")
    public String publishedState;

    @Column(name = "assessed_at")
    public Instant assessedAt;

    public static Optional<CreditAccount> findByCustomer(String legalEntity, String customerId) {
        return find("legalEntity = ?1 and customerId = ?2", legalEntity, customerId).firstResultOptional();
    }

    /** The account locked for this transaction, created when the customer is new. */
    public static CreditAccount lockOrCreate(String legalEntity, String customerId) {
        // Inserting first makes creation race-free: two transactions never both create it.
        getEntityManager().createNativeQuery("""
                INSERT INTO credit_account (legal_entity, customer_id) VALUES (:entity, :customer)
                ON CONFLICT (legal_entity, customer_id) DO NOTHING""")
                .setParameter("entity", legalEntity).setParameter("customer", customerId).executeUpdate();
        CreditAccount account = find("legalEntity = ?1 and customerId = ?2", legalEntity, customerId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        getEntityManager().refresh(account);
        return account;
    }

    public static List<CreditAccount> dueForEvaluation(LocalDate asOf, int max) {
        return find("nextEvaluationDate <= ?1 order by nextEvaluationDate", asOf).page(0, max).list();
    }

    public List<String> holdReasonList() {
        return lines(holdReasons);
    }

    public List<String> holdCauseList() {
        return lines(holdCauses);
    }

    public List<String> scoreReasonList() {
        return lines(scoreReasons);
    }

    static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
    }
}
