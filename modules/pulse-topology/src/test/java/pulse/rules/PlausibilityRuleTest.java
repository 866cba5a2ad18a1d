package pulse.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import pulse.rules.PlausibilityRule.Doubt;

class PlausibilityRuleTest {

    /**
     * A 2022 project: total 5,000, 300 before 2022, annual plan 1,200 (100 a month, or 400 in June
     * when {@code monthly}); January to April reported at 100 each, and May at 150.
     */
    @ParameterizedTest(name = "{0} {1} confirmed={2} → {3}")
    @CsvSource(nullValues = "-", value = {
            // period, amount, confirmed, doubt, words in the reason
            "2022-06, 100,      false, -,                  -",
            "2022-06, 300,      false, -,                  -",                 // 3× the month: still fine
            "2022-06, 300.01,   false, NEEDS_CONFIRMATION, 3× the month's plan (100.00)",
            "2022-06, 300.01,   true,  -,                  -",
            "2022-06, 650.01,   true,  -,                  -",                 // above the year's remainder, confirmed
            "2022-05, 400,      false, NEEDS_CONFIRMATION, 3×",               // replaces May's 150
            "2022-06, 1000000,  false, LOOKS_LIKE_YUAN,    100.00 万元",        // 10,000× the month
            "2022-06, 1000000,  true,  LOOKS_LIKE_YUAN,    looks like 元",      // confirming does not help
            "2022-06, 5000.01,  true,  LOOKS_LIKE_YUAN,    total investment",   // above the total on its own
            "2021-12, 50,       false, -,                  -",                 // a year without a plan: only the total counts
    })
    void shouldDoubtFiguresFarFromThePlan(String period, String amount, boolean confirmed, Doubt doubt, String words) {
        var found = PlausibilityRule.check(facts(period, amount, null, months()), confirmed, RuleSettings.DEFAULTS);

        assertThat(found.map(PlausibilityRule.Finding::doubt).orElse(null)).isEqualTo(doubt);
        if (words != null) {
            assertThat(found.orElseThrow().expected().toString()).contains(words);
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            // amount, doubt: December after eleven months of 100 leaves 100 of the plan
            "100,    -",
            "100.01, above what remains of the 2022 plan (1200.00 planned, 100.00 remaining)"})
    void shouldDoubtAFigureAboveWhatRemainsOfTheYearsPlan(String amount, String words) {
        Map<String, BigDecimal> eleven = new TreeMap<>();
        for (int m = 1; m <= 11; m++) {
            eleven.put(String.format("2022-%02d", m), new BigDecimal("100"));
        }
        var found = PlausibilityRule.check(facts("2022-12", amount, null, eleven), false, RuleSettings.DEFAULTS);

        assertThat(found.map(f -> f.expected().toString()).orElse("-")).contains(words);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"299, -", "301, total investment (5000.00)"})
    void shouldDoubtAFigureThatTakesTheMoneySinceTheStartAboveTheTotal(String amount, String words) {
        // 300 before 2022, 2023 months of 4,400: 4,700 since the start, 300 left of the total
        Map<String, BigDecimal> months = new TreeMap<>(Map.of("2023-01", new BigDecimal("4400")));
        var facts = new PlausibilityRule.Facts(YearMonth.parse("2023-02"), new BigDecimal(amount), null, null, months,
                2022, new BigDecimal("300"), new BigDecimal("5000"));

        var found = PlausibilityRule.check(facts, false, RuleSettings.DEFAULTS);

        assertThat(found.map(f -> f.expected().toString()).orElse("-")).contains(words);
    }

    @ParameterizedTest(name = "June {0} against a monthly plan of 400")
    @CsvSource(nullValues = "-", value = {"1200, -", "1200.01, NEEDS_CONFIRMATION"})
    void shouldUseTheMonthlyPlanWhenThereIsOne(String amount, Doubt doubt) {
        List<BigDecimal> monthly = new java.util.ArrayList<>(Collections.nCopies(12, new BigDecimal("72.72")));
        monthly.set(5, new BigDecimal("400"));
        var facts = new PlausibilityRule.Facts(YearMonth.parse("2022-06"), new BigDecimal(amount), new BigDecimal("10000"),
                monthly, Map.of(), 2022, BigDecimal.ZERO, new BigDecimal("50000"));

        assertThat(PlausibilityRule.check(facts, false, RuleSettings.DEFAULTS).map(PlausibilityRule.Finding::doubt)
                .orElse(null)).isEqualTo(doubt);
    }

    private static Map<String, BigDecimal> months() {
        Map<String, BigDecimal> months = new TreeMap<>();
        for (int m = 1; m <= 4; m++) {
            months.put(String.format("2022-%02d", m), new BigDecimal("100"));
        }
        months.put("2022-05", new BigDecimal("150"));
        return months;
    }

    private static PlausibilityRule.Facts facts(String period, String amount, List<BigDecimal> monthly,
            Map<String, BigDecimal> months) {
        YearMonth month = YearMonth.parse(period);
        return new PlausibilityRule.Facts(month, new BigDecimal(amount), month.getYear() == 2022 ? new BigDecimal("1200") : null,
                monthly, months, 2022, new BigDecimal("300"), new BigDecimal("5000"));
    }
}
