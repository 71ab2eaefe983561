package dev.steelyard.bench;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Random;

/**
 * Five years of receivables for one legal entity, the same for the same index on every run: invoice i
 * is issued on a day of 2020-2024 to one of 2,000 customers, NET30; 95 % are paid in full, from 25 days
 * early to 40 days late.
 */
public final class History {

    static final LocalDate FIRST_DAY = LocalDate.of(2020, 1, 1);
    static final int DAYS = 1827;

    /** One invoice and, unless it is still open, its payment. */
    public record Receivable(String legalEntity, String invoiceNumber, String customerId, BigDecimal amount,
            LocalDate issueDate, LocalDate dueDate, LocalDate paidOn) {
    }

    private final String legalEntity;

    public History(String legalEntity) {
        this.legalEntity = legalEntity;
    }

    public String legalEntity() {
        return legalEntity;
    }

    public Receivable receivable(long index) {
        Random random = new Random(index * 7919L + 17);
        LocalDate issued = FIRST_DAY.plusDays(random.nextInt(DAYS));
        LocalDate due = issued.plusDays(30);
        BigDecimal amount = BenchContext.amount(random);
        LocalDate paid = random.nextInt(100) < 95 ? due.plusDays(random.nextInt(66) - 25) : null;
        if (paid != null && paid.isBefore(issued)) {
            paid = issued;
        }
        return new Receivable(legalEntity, "H" + index, "Q" + (index % 2000), amount, issued, due, paid);
    }
}
