package dev.steelyard.credit.financials;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Financial statements a credit manager submitted for a customer; the latest feeds Altman's Z'. */
@Entity
@Table(name = "financial_statement")
public class FinancialStatement extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "legal_entity")
    public String legalEntity;

    @Column(name = "customer_id")
    public String customerId;

    @Column(name = "statement_date")
    public LocalDate statementDate;

    public String currency;

    @Column(name = "current_assets")
    public BigDecimal currentAssets;

    @Column(name = "current_liabilities")
    public BigDecimal currentLiabilities;

    @Column(name = "total_assets")
    public BigDecimal totalAssets;

    @Column(name = "total_liabilities")
    public BigDecimal totalLiabilities;

    @Column(name = "retained_earnings")
    public BigDecimal retainedEarnings;

    public BigDecimal ebit;

    @Column(name = "book_equity")
    public BigDecimal bookEquity;

    public BigDecimal sales;

    @Column(name = "submitted_by")
    public String submittedBy;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    public static java.util.Optional<FinancialStatement> latest(String legalEntity, String customerId) {
        return find("legalEntity = ?1 and customerId = ?2 order by statementDate desc, id desc", legalEntity,
                customerId).firstResultOptional();
    }

    public dev.steelyard.credit.score.AltmanZPrime zPrime() {
        return dev.steelyard.credit.score.AltmanZPrime.of(currentAssets, currentLiabilities, totalAssets,
                totalLiabilities, retainedEarnings, ebit, bookEquity, sales);
    }
}
