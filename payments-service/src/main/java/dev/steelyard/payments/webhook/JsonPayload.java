package dev.steelyard.payments.webhook;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import dev.steelyard.chassis.events.EventJson;
import dev.steelyard.chassis.money.Money;
import dev.steelyard.chassis.web.InvalidInputException;
import dev.steelyard.chassis.web.MoneyInput;
import dev.steelyard.chassis.web.TextInput;

/** Reads fields of a webhook body by path; a missing or wrong field is a 400 that names it. */
final class JsonPayload {

    private JsonPayload() {
    }

    static JsonNode parse(byte[] body) {
        JsonNode root;
        try {
            root = body == null || body.length == 0 ? null : EventJson.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new InvalidInputException("body", "json", "is not well-formed JSON");
        }
        if (root == null || !root.isObject()) {
            throw new InvalidInputException("body", "json", "must be a JSON object");
        }
        return root;
    }

    static JsonNode node(JsonNode root, String path) {
        JsonNode node = root;
        for (String name : path.split("\\.")) {
            node = node == null ? null : node.get(name);
        }
        return node == null || node.isNull() ? null : node;
    }

    static String text(JsonNode root, String path) {
        return optionalText(root, path)
                .orElseThrow(() -> new InvalidInputException(path, "required", "is missing"));
    }

    static Optional<String> optionalText(JsonNode root, String path) {
        JsonNode node = node(root, path);
        if (node == null || node.asText().isBlank()) {
            return Optional.empty();
        }
        if (!node.isValueNode()) {
            throw new InvalidInputException(path, "type", "must be a string");
        }
        String problem = TextInput.problem(node.asText());
        if (problem != null) {
            throw new InvalidInputException(path, "format", problem);
        }
        return Optional.of(node.asText().trim());
    }

    /** An ISO 4217 code, in whichever case the provider writes it (Stripe: lower case). */
    static String currency(JsonNode root, String path) {
        String code = text(root, path).toUpperCase(java.util.Locale.ROOT);
        try {
            return Money.currency(code).getCurrencyCode();
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(path, "iso-4217", e.getMessage());
        }
    }

    /** A gateway amount in minor units, converted with the currency's own exponent (JPY 0, KWD 3). */
    static Money minorAmount(JsonNode root, String path, String currency) {
        JsonNode node = node(root, path);
        if (node == null) {
            throw new InvalidInputException(path, "required", "is missing");
        }
        if (!node.canConvertToExactIntegral() || !node.canConvertToLong()) {
            throw new InvalidInputException(path, "type", "must be a whole number of minor units");
        }
        long minor = node.asLong();
        if (minor <= 0) {
            throw new InvalidInputException(path, "positive", "must be greater than 0");
        }
        Money amount = Money.ofMinor(minor, currency);
        MoneyInput.requireStorable(path, amount.amount());
        return amount;
    }

    /** A decimal amount written as a string (or a JSON number), exact to the currency's minor units. */
    static Money decimalAmount(JsonNode root, String path, String currency) {
        String text = text(root, path);
        BigDecimal amount;
        try {
            amount = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(path, "format", "'" + text + "' is not a decimal amount");
        }
        if (amount.signum() <= 0) {
            throw new InvalidInputException(path, "positive", "must be greater than 0");
        }
        MoneyInput.requireStorable(path, amount);
        try {
            return Money.of(amount, currency);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(path, "minor-units", e.getMessage());
        }
    }

    static LocalDate date(JsonNode root, String path) {
        String text = text(root, path);
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(path, "format", "'" + text + "' is not a date (YYYY-MM-DD)");
        }
    }

    /** A Unix timestamp in seconds, as the business date in UTC. */
    static LocalDate epochDate(JsonNode root, String path) {
        JsonNode node = node(root, path);
        if (node == null || !node.canConvertToExactIntegral()) {
            throw new InvalidInputException(path, "required", "must be a Unix timestamp in seconds");
        }
        return LocalDate.ofInstant(Instant.ofEpochSecond(node.asLong()), ZoneOffset.UTC);
    }

    static List<String> textList(JsonNode root, String path) {
        JsonNode node = node(root, path);
        List<String> values = new ArrayList<>();
        if (node == null) {
            return values;
        }
        if (!node.isArray()) {
            throw new InvalidInputException(path, "type", "must be a list of strings");
        }
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isTextual()) {
                throw new InvalidInputException(path + "[" + i + "]", "type", "must be a string");
            }
            String problem = TextInput.problem(node.get(i).asText());
            if (problem != null) {
                throw new InvalidInputException(path + "[" + i + "]", "format", problem);
            }
            if (!node.get(i).asText().isBlank()) {
                values.add(node.get(i).asText().trim());
            }
        }
        return values;
    }

    /** Invoice numbers written as one comma-separated text (Stripe metadata, Adyen merchantReference). */
    static List<String> commaSeparated(Optional<String> text) {
        return text.map(value -> java.util.Arrays.stream(value.split(",")).map(String::trim)
                .filter(reference -> !reference.isEmpty()).toList()).orElse(List.of());
    }
}
