package dev.steelyard.collections.dunning;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import dev.steelyard.collections.dunning.PolicyDefinition.Action;
import dev.steelyard.collections.dunning.PolicyDefinition.Channel;
import dev.steelyard.collections.dunning.PolicyDefinition.Level;
import dev.steelyard.collections.dunning.PolicyDefinition.Template;

/**
 * The policy of an entity that has not stored one: a friendly reminder 7 days before the due
 * date, reminders from the first day past due, then escalation to the collector, a credit hold
 * and an agency; at least 7 days between two steps on one invoice.
 */
final class DefaultPolicy {

    private static final String LINE_EN = "{invoiceNumber}  due {dueDate}  open {openAmount} {currency}";
    private static final String LINE_DE = "{invoiceNumber}  fällig {dueDate}  offen {openAmount} {currency}";

    private DefaultPolicy() {
    }

    static PolicyDefinition of(String timeZone) {
        return new PolicyDefinition(timeZone, 7, null, List.of(
                level(0, -7, "5.00", List.of(),
                        "Upcoming payment: {total}",
                        "Dear {customer},\n\na friendly reminder that these invoices fall due soon:\n\n{invoices}\n\n"
                                + "Total open: {total}. If you have already paid, thank you.",
                        "Zahlungserinnerung: {total} bald fällig",
                        "Sehr geehrte Damen und Herren ({customer}),\n\nwir erinnern freundlich an diese bald fälligen "
                                + "Rechnungen:\n\n{invoices}\n\nOffen insgesamt: {total}. Falls Sie bereits bezahlt "
                                + "haben, danken wir Ihnen."),
                level(1, 1, "5.00", List.of(),
                        "Payment reminder: {total} overdue",
                        "Dear {customer},\n\nas of {asOf} these invoices are overdue:\n\n{invoices}\n\n"
                                + "Please pay the open total of {total} now.",
                        "Zahlungserinnerung: {total} überfällig",
                        "Sehr geehrte Damen und Herren ({customer}),\n\nam {asOf} sind diese Rechnungen überfällig:\n\n"
                                + "{invoices}\n\nBitte begleichen Sie den offenen Betrag von {total} umgehend."),
                level(2, 15, "5.00", List.of(Action.NOTIFY_COLLECTOR),
                        "Second reminder: {total} overdue",
                        "Dear {customer},\n\ndespite our reminder these invoices are still unpaid as of {asOf}:\n\n"
                                + "{invoices}\n\nPlease pay {total} within 7 days. Our collector will contact you.",
                        "Zweite Mahnung: {total} überfällig",
                        "Sehr geehrte Damen und Herren ({customer}),\n\ntrotz unserer Erinnerung sind am {asOf} diese "
                                + "Rechnungen unbezahlt:\n\n{invoices}\n\nBitte zahlen Sie {total} innerhalb von 7 Tagen."),
                level(3, 30, "5.00", List.of(Action.NOTIFY_COLLECTOR, Action.CREDIT_HOLD),
                        "Final reminder: {total} overdue, deliveries on hold",
                        "Dear {customer},\n\nthese invoices are still unpaid as of {asOf}:\n\n{invoices}\n\n"
                                + "Your account is on credit hold until {total} is paid.",
                        "Letzte Mahnung: {total} überfällig, Lieferungen gesperrt",
                        "Sehr geehrte Damen und Herren ({customer}),\n\nam {asOf} sind diese Rechnungen weiterhin "
                                + "unbezahlt:\n\n{invoices}\n\nIhr Konto ist gesperrt, bis {total} bezahlt ist."),
                level(4, 60, "500.00", List.of(Action.NOTIFY_COLLECTOR, Action.AGENCY),
                        "Handover to collection agency: {total}",
                        "Dear {customer},\n\nas these invoices remain unpaid as of {asOf}:\n\n{invoices}\n\n"
                                + "we have handed {total} over to our collection agency.",
                        "Übergabe an Inkasso: {total}",
                        "Sehr geehrte Damen und Herren ({customer}),\n\nda diese Rechnungen am {asOf} unbezahlt sind:"
                                + "\n\n{invoices}\n\nhaben wir {total} an unser Inkassobüro übergeben.")));
    }

    private static Level level(int number, int daysPastDue, String minimum, List<Action> actions, String subjectEn,
            String bodyEn, String subjectDe, String bodyDe) {
        return new Level(number, daysPastDue, new BigDecimal(minimum), Channel.EMAIL,
                Map.of("en", new Template(subjectEn, bodyEn, LINE_EN), "de", new Template(subjectDe, bodyDe, LINE_DE)),
                actions);
    }
}
