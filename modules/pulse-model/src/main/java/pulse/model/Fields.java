package pulse.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Reads the fields of one JSON object and collects every error instead of stopping at the first,
 * so a person fixing a report sees all that is wrong at once. Each reader returns {@code null}
 * for a field that is absent or wrong; the caller checks {@link #errors()} before using any value.
 */
final class Fields {

    /** Up to 100,000,000 万元 (one trillion yuan): more than any single project's figure. */
    static final BigDecimal MAX_MONEY = new BigDecimal("100000000");


    private final JsonNode node;
    private final String prefix;
    private final List<FieldError> errors;

    Fields(JsonNode node, String prefix, List<FieldError> errors) {
        this.node = node;
        this.prefix = prefix;
        this.errors = errors;
    }

    List<FieldError> errors() {
        return errors;
    }

    boolean has(String name) {
        JsonNode value = node.get(name);
        return value != null && !value.isNull();
    }

    JsonNode raw(String name) {
        return node.get(name);
    }

    String prefixed(String name) {
        return prefix + name;
    }

    void reject(String name, JsonNode given, Text expected) {
        errors.add(new FieldError(prefix + name, given == null || given.isNull() ? null : shown(given), expected));
    }

    /**
     * The same, with what was expected made only now: otherwise it is made for every field of every
     * event, and almost every field is right (texts, these and the light rules' together, had a
     * fifteenth of the stream threads' samples in a profile of the catch-up).
     */
    private void reject(String name, JsonNode given, Supplier<Text> expected) {
        reject(name, given, expected.get());
    }

    String text(String name, boolean required, int maxLength) {
        Supplier<Text> expected = () -> Text.of(required ? "field.text.required" : "field.text", maxLength);
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                reject(name, value, expected);
            }
            return null;
        }
        if (!value.isTextual() || value.asText().length() > maxLength || (required && value.asText().isBlank())) {
            reject(name, value, expected);
            return null;
        }
        String text = value.asText().strip();
        return text.isEmpty() ? null : text;
    }

    String id(String name, boolean required) {
        Supplier<Text> expected = () -> Text.of("field.id");
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                reject(name, value, expected);
            }
            return null;
        }
        if (!value.isTextual() || !isId(value.asText())) {
            reject(name, value, expected);
            return null;
        }
        return value.asText();
    }

    /** 1 to 64 of {@code A-Z a-z 0-9 _ . -}, beginning with a letter or a digit. */
    static boolean isId(String text) {
        if (text.isEmpty() || text.length() > 64) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean alphanumeric = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
            if (!alphanumeric && (i == 0 || c != '_' && c != '.' && c != '-')) {
                return false;
            }
        }
        return true;
    }

    /** An amount in 万元: a JSON number, at most two decimals, within [min, MAX_MONEY]. */
    BigDecimal money(String name, boolean required, BigDecimal min, boolean minInclusive) {
        Supplier<Text> expected = () -> moneyExpected(min, minInclusive);
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                reject(name, value, expected);
            }
            return null;
        }
        return money(name, value, min, minInclusive, expected);
    }

    static Text moneyExpected(BigDecimal min, boolean minInclusive) {
        return Text.of(minInclusive ? "field.money.from" : "field.money.above", min, MAX_MONEY);
    }

    BigDecimal money(String field, JsonNode value, BigDecimal min, boolean minInclusive, Supplier<Text> expected) {
        if (!value.isNumber()) {
            reject(field, value, expected);
            return null;
        }
        BigDecimal amount = value.decimalValue();
        int compared = amount.compareTo(min);
        boolean aboveMin = minInclusive ? compared >= 0 : compared > 0;
        if (!aboveMin || amount.compareTo(MAX_MONEY) > 0 || amount.stripTrailingZeros().scale() > 2) {
            reject(field, value, expected);
            return null;
        }
        return amount.setScale(2);
    }

    Integer year(String name) {
        Supplier<Text> expected = () -> Text.of("field.year");
        JsonNode value = node.get(name);
        if (value == null || !value.isIntegralNumber() || value.asInt() < 2000 || value.asInt() > 2100) {
            reject(name, value, expected);
            return null;
        }
        return value.asInt();
    }

    <E extends Enum<E>> E oneOf(String name, Class<E> type, boolean required) {
        Supplier<Text> expected = () -> Text.of("field.oneOf", Messages.choices(type));
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                reject(name, value, expected);
            }
            return null;
        }
        E parsed = value.isTextual() ? Enums.named(type, value.asText()).orElse(null) : null;
        if (parsed == null) {
            reject(name, value, expected);
        }
        return parsed;
    }

    LocalDate date(String name, boolean required, LocalDate notAfter) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                reject(name, value, dateExpectation(notAfter));
            }
            return null;
        }
        return date(name, value, notAfter);
    }

    LocalDate date(String field, JsonNode value, LocalDate notAfter) {
        LocalDate date = value.isTextual() ? IsoDates.date(value.asText()) : null;
        if (date == null || (notAfter != null && date.isAfter(notAfter))) {
            reject(field, value, dateExpectation(notAfter));
            return null;
        }
        return date;
    }

    private static Text dateExpectation(LocalDate notAfter) {
        return notAfter == null ? Text.of("field.date") : Text.of("field.date.notAfter", notAfter);
    }

    YearMonth period(String name, YearMonth notAfter) {
        Supplier<Text> expected = () -> notAfter == null ? Text.of("field.period") : Text.of("field.period.notAfter", notAfter);
        JsonNode value = node.get(name);
        YearMonth period = value != null && value.isTextual() ? IsoDates.yearMonth(value.asText()) : null;
        if (period == null || (notAfter != null && period.isAfter(notAfter)) || period.getYear() < 2000) {
            reject(name, value, expected);
            return null;
        }
        return period;
    }

    /** An optional JSON boolean; null when absent. */
    Boolean flag(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            reject(name, value, Text.of("field.flag"));
            return null;
        }
        return value.asBoolean();
    }

    UUID uuid(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            if (value.isTextual() && value.asText().length() == 36) {
                return UUID.fromString(value.asText());
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        reject(name, value, Text.of("field.uuid"));
        return null;
    }

    Instant instant(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        Instant instant = value.isTextual() ? IsoDates.instant(value.asText()) : null;
        if (instant == null) {
            reject(name, value, Text.of("field.instant"));
        }
        return instant;
    }

    /** Shows a given value as the person wrote it, cut short so an error never echoes a huge body. */
    static String shown(JsonNode value) {
        String text = value.isTextual() ? "\"" + value.asText() + "\"" : value.toString();
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }

    static List<FieldError> newErrors() {
        return new ArrayList<>();
    }
}
