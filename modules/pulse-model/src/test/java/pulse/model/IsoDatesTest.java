package pulse.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The JDK's ISO parsers are the oracle: the same value for every text they read, null for every one they refuse. */
class IsoDatesTest {

    private static final List<String> PERIODS = List.of("2022-05", "2022-12", "2022-13", "2022-00", "0999-01", "2022-5",
            "2022/05", "２０２２-05", "+2022-05", "2022-05-01", "", "abcd-ef");
    private static final List<String> DATES = List.of("2022-05-10", "2024-02-29", "2023-02-29", "2022-04-31", "2022-13-01",
            "2022-00-10", "2022-05-1", "2022-5-10", "2022-05-10T00:00", "20220510", "2022-05-１0", "");
    private static final List<String> INSTANTS = List.of("2022-05-10T08:00:00Z", "2022-05-10T08:00:00.1Z",
            "2022-05-10T08:00:00.123456789Z", "2022-05-10T08:00:00.1234567890Z", "2022-05-10T08:00:00.Z",
            "2022-05-10T23:59:60Z", "2022-05-10T24:00:00Z", "2022-05-10T08:60:00Z", "2022-02-30T08:00:00Z",
            "2022-05-10T08:00Z", "2022-05-10 08:00:00Z", "2022-05-10T08:00:00+08:00", "2022-05-10T08:00:00",
            "+12022-05-10T08:00:00Z", "2022-05-10T08:00:00.5z", "");

    @Test
    void shouldReadPeriodsAsYearMonthParseDoes() {
        for (String text : withRandomDigits(PERIODS)) {
            assertThat(IsoDates.yearMonth(text)).as(text).isEqualTo(IsoDatesTest.<YearMonth>jdk(text, YearMonth::parse));
        }
    }

    @Test
    void shouldReadDatesAsLocalDateParseDoes() {
        for (String text : withRandomDigits(DATES)) {
            assertThat(IsoDates.date(text)).as(text).isEqualTo(IsoDatesTest.<LocalDate>jdk(text, LocalDate::parse));
        }
    }

    @Test
    void shouldReadInstantsAsInstantParseDoes() {
        for (String text : withRandomDigits(INSTANTS)) {
            assertThat(IsoDates.instant(text)).as(text).isEqualTo(IsoDatesTest.<Instant>jdk(text, Instant::parse));
        }
    }

    /** The texts, and each again with its digits drawn at random many times: months and days out of range among them. */
    private static List<String> withRandomDigits(List<String> texts) {
        Random random = new Random(2022);
        List<String> all = new ArrayList<>(texts);
        for (String text : texts) {
            for (int i = 0; i < 300; i++) {
                StringBuilder varied = new StringBuilder(text);
                for (int at = 0; at < varied.length(); at++) {
                    if (Character.isDigit(varied.charAt(at)) && varied.charAt(at) < 128) {
                        varied.setCharAt(at, (char) ('0' + random.nextInt(10)));
                    }
                }
                all.add(varied.toString());
            }
        }
        return all;
    }

    private static <T> T jdk(String text, Function<String, T> parse) {
        try {
            return parse.apply(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
