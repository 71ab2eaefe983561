package dev.steelyard.local.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a receivables CSV in the layout of the IBM sample (countryCode, customerID,
 * invoiceNumber, InvoiceDate, DueDate, InvoiceAmount, SettledDate; dates M/D/YYYY), by header name.
 */
public final class ReceivablesCsv {

    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("M/d/uuuu");

    private ReceivablesCsv() {
    }

    public static List<ReceivableRow> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(file + " is empty");
        }
        List<String> header = Arrays.asList(lines.get(0).trim().split(","));
        int entity = column(header, "countryCode", file);
        int customer = column(header, "customerID", file);
        int number = column(header, "invoiceNumber", file);
        int issued = column(header, "InvoiceDate", file);
        int due = column(header, "DueDate", file);
        int amount = column(header, "InvoiceAmount", file);
        int settled = column(header, "SettledDate", file);
        List<ReceivableRow> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] cells = lines.get(i).trim().split(",", -1);
            try {
                rows.add(new ReceivableRow(cells[entity], cells[customer], cells[number], date(cells[issued]),
                        date(cells[due]), new BigDecimal(cells[amount]),
                        cells[settled].isBlank() ? null : date(cells[settled])));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + " is not a valid row: " + e.getMessage());
            }
        }
        return rows;
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text, US_DATE);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a M/D/YYYY date");
        }
    }

    private static int column(List<String> header, String name, Path file) {
        int index = header.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException(file + " has no column " + name + "; columns are " + header);
        }
        return index;
    }
}
