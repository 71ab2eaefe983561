package dev.steelyard.collections.receivables;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import dev.steelyard.chassis.money.Money;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** collections-service's copy of one invoice, built from invoicing events. */
@Entity
@Table(name = "receivable")
public class Receivable extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "legal_entity")
    public String legalEntity;

    @Column(name = "invoice_number")
    public String invoiceNumber;

    @Column(name = "customer_id")
    public String customerId;

    public String currency;

    /** The gross amount owed when issued. */
    public BigDecimal amount;

    @Column(name = "issue_date")
    public LocalDate issueDate;

    @Column(name = "due_date")
    public LocalDate dueDate;

    /** False while only a cancellation of the invoice is known. */
    public boolean issued;

    @Column(name = "cancelled_on")
    public LocalDate cancelledOn;

    public static Optional<Receivable> byNumber(String legalEntity, String invoiceNumber) {
        return find("legalEntity = ?1 and invoiceNumber = ?2", legalEntity, invoiceNumber).firstResultOptional();
    }

    /** Issued, not cancelled invoices of a customer, oldest due first; settled ones included. */
    public static List<Receivable> liveOf(String legalEntity, String customerId) {
        return list("legalEntity = ?1 and customerId = ?2 and issued = true and cancelledOn is null "
                + "order by dueDate, invoiceNumber", legalEntity, customerId);
    }

    public static List<String> customersOf(String legalEntity) {
        return find("select distinct r.customerId from Receivable r where r.legalEntity = ?1 and r.issued = true "
                + "and r.cancelledOn is null order by 1", legalEntity).project(String.class).list();
    }

    public static List<String> entities() {
        return find("select distinct r.legalEntity from Receivable r order by 1").project(String.class).list();
    }

    /** The gross amount less payments, discounts, write-offs and credit notes, reversals added back. */
    public Money openAmount() {
        return Money.of(amount.subtract(ReceivableAdjustment.totalFor(legalEntity, invoiceNumber)), currency);
    }
}
