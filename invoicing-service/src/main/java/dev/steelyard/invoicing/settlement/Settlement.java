package dev.steelyard.invoicing.settlement;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Money that settled an invoice (positive) or was taken back by a refund or chargeback
 * (negative), as payments-service reported it. Kept by invoice number, so a payment that
 * arrives before its invoice counts once the invoice does.
 */
@Entity
@Table(name = "settlement")
public class Settlement extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id")
    public String eventId;

    @Column(name = "legal_entity")
    public String legalEntity;

    @Column(name = "invoice_number")
    public String invoiceNumber;

    @Column(name = "payment_id")
    public String paymentId;

    public BigDecimal amount;

    @Column(name = "value_date")
    public LocalDate valueDate;

    public static BigDecimal totalFor(String legalEntity, String invoiceNumber) {
        BigDecimal total = find("select coalesce(sum(s.amount), 0) from Settlement s "
                + "where s.legalEntity = ?1 and s.invoiceNumber = ?2", legalEntity, invoiceNumber)
                .project(BigDecimal.class).singleResult();
        return total == null ? BigDecimal.ZERO : total;
    }
}
