package pulse.model;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Reads the dates of an event as the JDK's ISO parsers do, without them for the forms events carry:
 * {@code YearMonth.parse}, {@code LocalDate.parse} and {@code Instant.parse} go through a general
 * formatter that took a fifth of an event's decoding on the stream threads. Each returns null
 * where the JDK's parser would refuse the text; an instant in a form other than
 * {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z} is left to the JDK.
 */
final class IsoDates {

    private IsoDates() {}

    /** {@code yyyy-MM}, or null. */
    static YearMonth yearMonth(String text) {
        if (text.length() != 7 || text.charAt(4) != '-') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        return year < 0 || month < 1 || month > 12 ? null : YearMonth.of(year, month);
    }

    /** {@code yyyy-MM-dd}, a day that exists, or null. */
    static LocalDate date(String text) {
        return text.length() == 10 ? dateAt(text) : null;
    }

    /** The date in the first ten characters of {@code text}. */
    private static LocalDate dateAt(String text) {
        if (text.charAt(4) != '-' || text.charAt(7) != '-') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        if (year < 0 || month < 0 || day < 0) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** An ISO-8601 instant as {@link Instant#parse} reads it, or null. */
    static Instant instant(String text) {
        Instant utc = utc(text);
        if (utc != null) {
            return utc;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.1 to 9 digits]Z} with every field in range, else null. */
    private static Instant utc(String text) {
        int length = text.length();
        if (length < 20 || length == 21 || length > 30 || text.charAt(10) != 'T' || text.charAt(13) != ':'
                || text.charAt(16) != ':' || text.charAt(length - 1) != 'Z') {
            return null;
        }
        LocalDate date = dateAt(text);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int nanos = 0;
        if (length > 20) {
            if (text.charAt(19) != '.') {
                return null;
            }
            int fraction = digits(text, 20, length - 1);
            if (fraction < 0) {
                return null;
            }
            nanos = fraction;
            for (int i = length - 1 - 20; i < 9; i++) {
                nanos *= 10;
            }
        }
        if (date == null || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        return LocalDateTime.of(date, LocalTime.of(hour, minute, second, nanos)).toInstant(ZoneOffset.UTC);
    }

    /** The ASCII digits from {@code from} to {@code to} as a number; -1 if any is not one. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
