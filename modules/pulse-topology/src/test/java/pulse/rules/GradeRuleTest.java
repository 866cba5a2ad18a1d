package pulse.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import pulse.model.Grade;

class GradeRuleTest {

    @ParameterizedTest(name = "{0} of {1} due: {2}")
    @CsvSource({
        "120.00, 100.00, EXCELLENT",
        "100.00, 100.00, EXCELLENT",
        "99.99, 100.00, GOOD",
        "90.00, 100.00, GOOD",
        "89.99, 100.00, FAIR",
        "80.00, 100.00, FAIR",
        "79.99, 100.00, POOR",
        "60.00, 100.00, POOR",
        "59.99, 100.00, FAILING",
        "0.00, 100.00, FAILING",
        "0.00, 0.00, EXCELLENT",   // nothing due yet: nobody is behind
    })
    void shouldGradeAtTheCountysBoundaries(BigDecimal completed, BigDecimal due, Grade grade) {
        assertThat(GradeRule.grade(completed, due, RuleSettings.DEFAULTS)).isEqualTo(grade);
    }

    @ParameterizedTest
    @CsvSource({"EXCELLENT, 落实好", "GOOD, 落实较好", "FAIR, 基本落实", "POOR, 落实不力", "FAILING, 落实较差"})
    void shouldNameGradesAsTheCountyDoes(Grade grade, String name) {
        assertThat(grade.zh()).isEqualTo(name);
    }
}
