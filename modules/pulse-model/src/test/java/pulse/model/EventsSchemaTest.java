package pulse.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The JSON Schema published for producers writing straight to Kafka says what the reader takes:
 * events the reader accepts pass it, and what it refuses for their shape fails it too.
 */
class EventsSchemaTest {

    private static final EventReader READER =
            EventReader.forInput(Clock.fixed(Instant.parse("2022-12-20T02:00:00Z"), ZoneOffset.UTC));
    private static final Schema SCHEMA = schema();

    @ParameterizedTest
    @ValueSource(strings = {
            """
            {"type":"ProjectRegistered","projectId":"TZ-2022-001","name":"城南污水处理厂","area":"ECOLOGY","township":"玉泉镇",
             "unitId":"县住建局","level":"COUNTY","totalInvestment":5000.00,"year":2022,"annualPlan":1200.00,
             "monthlyPlan":[100,100,100,100,100,100,100,100,100,100,100,100],
             "plannedMilestones":{"STARTED":"2022-03-15"},"investedBeforeYear":300.5}""",
            """
            {"type":"AnnualPlanSet","projectId":"TZ-2022-001","year":2023,"annualPlan":800}""",
            """
            {"eventId":"3f0c6d4e-8a52-4a8e-9b1e-6b9f6f3e2d10","type":"InvestmentReported","projectId":"TZ-2022-001",
             "unitId":"县住建局","period":"2022-06","amount":88.8}""",
            """
            {"type":"InvestmentReported","projectId":"P1","period":"2022-06","amount":900,"confirm":true,"reason":"设备到货"}""",
            """
            {"type":"MilestoneReached","projectId":"P1","milestone":"STARTED","date":"2022-03-18","note":"开工仪式"}""",
            """
            {"type":"ProjectSuspended","projectId":"P1","reason":"用地手续未完善"}""",
            """
            {"type":"IssueRaised","projectId":"P1","issueId":"LAND-1","kind":"LAND","text":"用地预审未批复","dueDate":"2022-08-01"}""",
            """
            {"type":"IssueResolved","projectId":"P1","issueId":"LAND-1","text":"已批复"}"""})
    void shouldAcceptWhatTheReaderTakes(String json) throws IOException {
        JsonNode event = PulseJson.mapper().readTree(json);

        READER.read(event, "");   // the reader takes it (throws otherwise)

        assertThat(SCHEMA.validate(event)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            """
            {"type":"InvestmentReported","projectId":"P1","period":"2022-13","amount":1}""",
            """
            {"type":"InvestmentReported","projectId":"P1","period":"2022-06","amount":1.005}""",
            """
            {"type":"InvestmentReported","projectId":"P1","period":"2022-06","amount":-1}""",
            """
            {"type":"InvestmentReported","projectId":"P1","period":"2022-06","amount":"八十"}""",
            """
            {"type":"InvestmentReported","projectId":"P1","period":"2022-06","amount":5,"confirm":true}""",
            """
            {"type":"MilestoneReached","projectId":"P1","milestone":"TOPPED_OUT","date":"2022-03-18"}""",
            """
            {"type":"ProjectRegistered","projectId":"P1","name":"x","area":"SPACE","township":"t","unitId":"u","level":"COUNTY",
             "totalInvestment":10,"year":2022,"annualPlan":5}""",
            """
            {"type":"AnnualPlanSet","projectId":"P1","year":2023,"annualPlan":800,"monthlyPlan":[1,2,3]}""",
            """
            {"type":"Shipped","projectId":"P1"}""",
            """
            {"type":"InvestmentReported","projectId":"bad id!","period":"2022-06","amount":1}"""})
    void shouldRefuseWhatTheReaderRefuses(String json) throws IOException {
        JsonNode event = PulseJson.mapper().readTree(json);

        assertThat(refusedByReader(event)).as("the reader refuses it").isTrue();
        assertThat(SCHEMA.validate(event)).as("the schema refuses it").isNotEmpty();
    }

    private static boolean refusedByReader(JsonNode event) {
        try {
            READER.read(event, "");
            return false;
        } catch (InvalidInputException e) {
            return true;
        }
    }

    private static Schema schema() {
        try (InputStream in = EventsSchemaTest.class.getResourceAsStream("/pulse/model/events.schema.json")) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(PulseJson.mapper().readTree(in));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
