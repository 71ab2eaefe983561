package dev.steelyard.collections.dunning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import dev.steelyard.chassis.money.Money;

/** Fills a level's template in the customer's language with the invoices and their open amounts. */
final class DunningLetter {

    record Line(String invoiceNumber, LocalDate dueDate, Money openAmount, int daysPastDue) {
    }

    record Text(String subject, String body) {
    }

    private DunningLetter() {
    }

    static Text write(PolicyDefinition.Template template, String customer, LocalDate asOf, List<Line> lines) {
        String invoices = lines.stream().map(line -> template.line()
                .replace("{invoiceNumber}", line.invoiceNumber())
                .replace("{dueDate}", line.dueDate().toString())
                .replace("{openAmount}", line.openAmount().amount().toPlainString())
                .replace("{currency}", line.openAmount().currencyCode())
                .replace("{daysPastDue}", Integer.toString(line.daysPastDue())))
                .collect(Collectors.joining("\n"));
        String total = total(lines);
        return new Text(fill(template.subject(), customer, asOf, total, invoices),
                fill(template.body(), customer, asOf, total, invoices));
    }

    /** Per currency, as one total in mixed currencies would be meaningless: "600.00 EUR, 10.00 USD". */
    static String total(List<Line> lines) {
        Map<String, BigDecimal> byCurrency = new TreeMap<>();
        lines.forEach(line -> byCurrency.merge(line.openAmount().currencyCode(), line.openAmount().amount(),
                BigDecimal::add));
        return byCurrency.entrySet().stream().map(e -> e.getValue().toPlainString() + " " + e.getKey())
                .collect(Collectors.joining(", "));
    }

    private static String fill(String text, String customer, LocalDate asOf, String total, String invoices) {
        return text.replace("{customer}", customer).replace("{asOf}", asOf.toString()).replace("{total}", total)
                .replace("{invoices}", invoices);
    }
}
