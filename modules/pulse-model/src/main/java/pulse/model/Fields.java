package pulse.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the fields of one JSON object and collects every error instead of stopping at the first,
 * so a person fixing a report sees all that is wrong at once. Each reader returns {@code null}
 * for a field that is absent or wrong; the caller checks {@link #errors()} before using any value.
 */
final class Fields {

    /** Up to 100,000,000 万元 (one trillion yuan): more than any single project's figure. */
    static final BigDecimal MAX_MONEY = new BigDecimal("100000000");

    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.\\-]{0,63}");
    private static final Pattern PERIOD = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

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

    void reject(String name, JsonNode given, String expected) {
        errors.add(new FieldError(prefix + name, given == null || given.isNull() ? null : shown(given), expected));
    }

    String text(String name, boolean required, int maxLength) {
        String expected = (required ? "a non-empty text" : "a text") + " of at most " + maxLength + " characters";
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
        String expected = "an identifier of 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit";
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                reject(name, value, expected);
            }
            return null;
        }
        if (!value.isTextual() || !ID.matcher(value.asText()).matches()) {
            reject(name, value, expected);
            return null;
        }
        return value.asText();
    }

    /** An amount in 万元: a JSON number, at most two decimals, within [min, MAX_MONEY]. */
    BigDecimal money(String name, boolean required, BigDecimal min, boolean minInclusive) {
        String expected = "a JSON number of 万元 with at most two decimals, "
                + (minInclusive ? "from " : "above ") + min.toPlainString() + " to " + MAX_MONEY.toPlainString();
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                reject(name, value, expected);
            }
            return null;
        }
        return money(name, value, min, minInclusive, expected);
    }

    BigDecimal money(String field, JsonNode value, BigDecimal min, boolean minInclusive, String expected) {
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
        String expected = "a whole year from 2000 to 2100";
        JsonNode value = node.get(name);
        if (value == null || !value.isIntegralNumber() || value.asInt() < 2000 || value.asInt() > 2100) {
            reject(name, value, expected);
            return null;
        }
        return value.asInt();
    }

    <E extends Enum<E>> E oneOf(String name, Class<E> type, boolean required) {
        String expected = "one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name)
                .collect(Collectors.joining(", "));
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                reject(name, value, expected);
            }
            return null;
        }
        E parsed = value.isTextual() ? parseEnum(type, value.asText()) : null;
        if (parsed == null) {
            reject(name, value, expected);
        }
        return parsed;
    }

    static <E extends Enum<E>> E parseEnum(Class<E> type, String text) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text)) {
                return constant;
            }
        }
        return null;
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
        LocalDate date = value.isTextual() && DATE.matcher(value.asText()).matches() ? parseDate(value.asText()) : null;
        if (date == null || (notAfter != null && date.isAfter(notAfter))) {
            reject(field, value, dateExpectation(notAfter));
            return null;
        }
        return date;
    }

    private static String dateExpectation(LocalDate notAfter) {
        return "a date written YYYY-MM-DD" + (notAfter == null ? "" : ", not after today (" + notAfter + ")");
    }

    private static LocalDate parseDate(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    YearMonth period(String name, YearMonth notAfter) {
        String expected = "a month written YYYY-MM (month 01 to 12)" + (notAfter == null ? "" : ", not after " + notAfter);
        JsonNode value = node.get(name);
        YearMonth period = null;
        if (value != null && value.isTextual() && PERIOD.matcher(value.asText()).matches()) {
            try {
                period = YearMonth.parse(value.asText());
            } catch (DateTimeParseException e) {
                period = null;
            }
        }
        if (period == null || (notAfter != null && period.isAfter(notAfter)) || period.getYear() < 2000) {
            reject(name, value, expected);
            return null;
        }
        return period;
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
        reject(name, value, "a UUID such as 3f0c6d4e-8a52-4a8e-9b1e-6b9f6f3e2d10");
        return null;
    }

    Instant instant(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            if (value.isTextual()) {
                return Instant.parse(value.asText());
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        reject(name, value, "an instant such as 2022-06-30T08:00:00Z");
        return null;
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
