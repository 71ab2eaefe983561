package dev.steelyard.collections.dispute;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A customer's dispute of (part of) an invoice; while open, the invoice is not dunned. */
@Entity
@Table(name = "dispute")
public class Dispute extends PanacheEntityBase {

    public enum Reason {
        PRICING, QUANTITY, QUALITY_OR_DAMAGE, NOT_RECEIVED, DUPLICATE_BILLING, OTHER
    }

    public enum Resolution {
        /** The customer was right: a credit note settles the disputed amount. */
        CREDIT_NOTE,
        /** The invoice stands in full. */
        CUSTOMER_WRONG,
        /** The customer was partly right. */
        PARTLY
    }

    public enum Status {
        OPEN, RESOLVED
    }

    @Id
    public UUID id;

    @Column(name = "legal_entity")
    public String legalEntity;

    @Column(name = "customer_id")
    public String customerId;

    @Column(name = "invoice_number")
    public String invoiceNumber;

    public String currency;

    public BigDecimal amount;

    public String reason;

    public String status;

    public String assignee;

    @Column(name = "opened_on")
    public LocalDate openedOn;

    public String resolution;

    @Column(name = "resolution_note")
    public String resolutionNote;

    @Column(name = "resolved_on")
    public LocalDate resolvedOn;

    public static Set<String> openInvoiceNumbers(String legalEntity, String customerId) {
        return new HashSet<>(find("select d.invoiceNumber from Dispute d where d.legalEntity = ?1 and d.customerId = ?2 "
                + "and d.status = 'OPEN'", legalEntity, customerId).project(String.class).list());
    }

    public static long openCount(String legalEntity, String customerId) {
        return count("legalEntity = ?1 and customerId = ?2 and status = 'OPEN'", legalEntity, customerId);
    }

    public static boolean openFor(String legalEntity, String invoiceNumber) {
        return count("legalEntity = ?1 and invoiceNumber = ?2 and status = 'OPEN'", legalEntity, invoiceNumber) > 0;
    }

    public static List<Dispute> of(String legalEntity, String customerId, String status) {
        StringBuilder query = new StringBuilder("legalEntity = :entity");
        var parameters = io.quarkus.panache.common.Parameters.with("entity", legalEntity);
        if (customerId != null) {
            query.append(" and customerId = :customer");
            parameters.and("customer", customerId);
        }
        if (status != null) {
            query.append(" and status = :status");
            parameters.and("status", status);
        }
        return list(query + " order by openedOn, invoiceNumber", parameters);
    }
}
