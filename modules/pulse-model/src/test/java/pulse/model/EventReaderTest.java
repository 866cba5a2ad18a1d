package pulse.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule of the event reader, one row each: a whole event with one thing wrong is refused with
 * an error naming that field, the value given and what was expected, in Chinese and in English.
 * The server's bad-input suite keeps a few of these end to end; the rules themselves are here.
 */
class EventReaderTest {

    /** 2022-06-30 in the county: June is the latest month that can be reported. */
    private static final EventReader READER =
            EventReader.forInput(Clock.fixed(Instant.parse("2022-06-30T04:00:00Z"), ZoneOffset.UTC));

    private static final String PROJECT = """
            {"type":"ProjectRegistered","projectId":"SV-X","name":"x","area":"URBAN","township":"玉泉镇",
             "unitId":"县住建局","level":"COUNTY","totalInvestment":100.00,"year":2022,"annualPlan":100.00}""";
    private static final String REPORT = """
            {"type":"InvestmentReported","projectId":"SV-A","period":"2022-04","amount":1.00}""";
    private static final String MILESTONE = """
            {"type":"MilestoneReached","projectId":"SV-A","milestone":"COMPLETED","date":"2022-06-15"}""";
    private static final String PLAN = """
            {"type":"AnnualPlanSet","projectId":"SV-A","year":2023,"annualPlan":100.00}""";
    private static final String ISSUE = """
            {"type":"IssueRaised","projectId":"SV-A","issueId":"L-1","kind":"LAND","text":"用地预审未批复"}""";

    private static Arguments row(String json, String field, String shown) {
        return Arguments.of(json, field, shown);
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                // the envelope
                row("[1,2]", "body", "[1,2]"),
                row(PROJECT.replace("ProjectRegistered", "ProjectFinished"), "type", "ProjectFinished"),
                row(PROJECT.replace("\"SV-X\"", "\"bad id!\""), "projectId", "bad id!"),
                row(PROJECT.replace("\"type\"", "\"eventId\":\"not-a-uuid\",\"type\""), "eventId", "not-a-uuid"),
                row(REPORT.replace("}", ",\"occurredOn\":\"2022-07-01\"}"), "occurredOn", "2022-07-01"),
                row(PROJECT.replace("\"unitId\":\"县住建局\",", ""), "unitId", null),
                // registrations
                row(PROJECT.replace("\"name\":\"x\",", ""), "name", null),
                row(PROJECT.replace("\"name\":\"x\"", "\"name\":\"" + "长".repeat(201) + "\""), "name", "长长长"),
                row(PROJECT.replace("URBAN", "SPACE"), "area", "SPACE"),
                row(PROJECT.replace("\"COUNTY\"", "\"TOWN\""), "level", "TOWN"),
                row(PROJECT.replace("\"totalInvestment\":100.00", "\"totalInvestment\":\"100\""), "totalInvestment", "100"),
                row(PROJECT.replace("\"totalInvestment\":100.00", "\"totalInvestment\":1e15"), "totalInvestment", "1E+15"),
                row(PROJECT.replace("\"totalInvestment\":100.00", "\"totalInvestment\":-5"), "totalInvestment", "-5"),
                row(PROJECT.replace("\"annualPlan\":100.00", "\"annualPlan\":100.01"), "annualPlan", "100.01"),
                row(PROJECT.replace("}", ",\"monthlyPlan\":[1,2,3]}"), "monthlyPlan", "[1,2,3]"),
                row(PROJECT.replace("}", ",\"monthlyPlan\":[1,1,1,1,1,1,1,1,1,1,1,1]}"), "monthlyPlan", "[1,1,1"),
                row(PROJECT.replace("}", ",\"monthlyPlan\":[100,0,0,0,0,0,0,0,0,0,0,-1]}"), "monthlyPlan[11]", "-1"),
                row(PROJECT.replace("}", ",\"plannedMilestones\":{\"FINISHED\":\"2022-01-01\"}}"), "plannedMilestones.FINISHED", "FINISHED"),
                row(PROJECT.replace("2022", "1999"), "year", "1999"),
                row(PROJECT.replace("}", ",\"investedBeforeYear\":-1}"), "investedBeforeYear", "-1"),
                // investment reports
                row(REPORT.replace("2022-04", "2022-13"), "period", "2022-13"),
                row(REPORT.replace("2022-04", "2022-07"), "period", "2022-07"),
                row(REPORT.replace("1.00", "12.345"), "amount", "12.345"),
                row(REPORT.replace("1.00", "-1"), "amount", "-1"),
                row(REPORT.replace("1.00", "1e12"), "amount", "1E+12"),
                row(REPORT.replace("1.00", "1e400000"), "amount", "1E+400000"),
                row(REPORT.replace(",\"amount\":1.00", ""), "amount", null),
                row(REPORT.replace("1.00", "null"), "amount", null),
                row(REPORT.replace("1.00", "\"abc\""), "amount", "abc"),
                row(REPORT.replace("}", ",\"reason\":\"" + "长".repeat(501) + "\"}"), "reason", "长长长"),
                row(REPORT.replace("}", ",\"confirm\":true}"), "reason", null),
                row(REPORT.replace("}", ",\"confirm\":\"yes\"}"), "confirm", "yes"),
                // milestones
                row(MILESTONE.replace("COMPLETED", "FINISHED"), "milestone", "FINISHED"),
                row(MILESTONE.replace("2022-06-15", "2022-07-15"), "date", "2022-07-15"),
                row(MILESTONE.replace("2022-06-15", "2022-02-30"), "date", "2022-02-30"),
                row(MILESTONE.replace(",\"date\":\"2022-06-15\"", ""), "date", null),
                // plan years
                row(PLAN.replace("}", ",\"monthlyPlan\":[1,2]}"), "monthlyPlan", "[1,2]"),
                row(PLAN.replace(",\"annualPlan\":100.00", ""), "annualPlan", null),
                row(PLAN.replace("2023", "\"next\""), "year", "next"),
                // blockers
                row(ISSUE.replace("}", ",\"dueDate\":\"2022-02-30\"}"), "dueDate", "2022-02-30"),
                row(ISSUE.replace("LAND\"", "WEATHER\""), "kind", "WEATHER"),
                row(ISSUE.replace(",\"text\":\"用地预审未批复\"", ""), "text", null),
                row(ISSUE.replace("\"L-1\"", "\"\""), "issueId", ""));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("refused")
    void shouldRefuseNamingTheFieldItsValueAndWhatWasExpected(String json, String field, String shown) throws IOException {
        InvalidInputException refused = catchThrowableOfType(InvalidInputException.class,
                () -> READER.read(PulseJson.mapper().readTree(json), ""));

        assertThat(refused).as("refused: " + json).isNotNull();
        assertThat(refused.errors()).extracting(FieldError::field).containsExactly(field);
        FieldError error = refused.errors().get(0);
        if (shown == null) {
            assertThat(error.value()).as("nothing was given").isNull();
        } else {
            assertThat(error.value()).contains(shown);
        }
        String chinese = error.message(Locale.CHINESE);
        String english = error.message(Locale.ENGLISH);
        assertThat(chinese).contains(field).doesNotContain("{0}", "{1}");
        assertThat(english).contains(field).doesNotContain("{0}", "{1}");
        assertThat(chinese).as("says what was expected").isNotEqualTo(english);
        if (shown != null) {
            assertThat(english).contains(shown);
        }
    }
}
