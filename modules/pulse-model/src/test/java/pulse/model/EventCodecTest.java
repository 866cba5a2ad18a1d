package pulse.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The wire form: one flat object, the header first, then the payload's fields that are set, in its record's order. */
class EventCodecTest {

    private static final EventReader READER =
            EventReader.forInput(Clock.fixed(Instant.parse("2022-12-20T02:00:00Z"), ZoneOffset.UTC));
    private static final EventCodec CODEC = new EventCodec(READER);

    /**
     * Each is in the wire form as Pulse writes it (amounts to the fen, a plan's milestones always
     * given): read and written again, it comes out byte for byte as it went in.
     */
    @ParameterizedTest
    @ValueSource(strings = {
            "{\"eventId\":\"3f0c6d4e-8a52-4a8e-9b1e-6b9f6f3e2d10\",\"type\":\"ProjectRegistered\",\"projectId\":\"TZ-2022-001\","
                    + "\"unitId\":\"县住建局\",\"occurredOn\":\"2022-12-20\",\"reportedAt\":\"2022-12-20T02:00:00Z\","
                    + "\"sentBy\":\"admin\",\"name\":\"城南污水处理厂\",\"area\":\"ECOLOGY\",\"township\":\"玉泉镇\","
                    + "\"level\":\"COUNTY\",\"totalInvestment\":5000.00,\"year\":2022,\"annualPlan\":1200.00,"
                    + "\"monthlyPlan\":[100.00,100.00,100.00,100.00,100.00,100.00,100.00,100.00,100.00,100.00,100.00,100.00],"
                    + "\"plannedMilestones\":{\"STARTED\":\"2022-03-15\"},\"investedBeforeYear\":300.50}",
            "{\"eventId\":\"3f0c6d4e-8a52-4a8e-9b1e-6b9f6f3e2d11\",\"type\":\"AnnualPlanSet\",\"projectId\":\"TZ-2022-001\","
                    + "\"occurredOn\":\"2022-12-20\",\"reportedAt\":\"2022-12-20T02:00:00Z\",\"year\":2023,\"annualPlan\":800.00,\"plannedMilestones\":{}}",
            "{\"eventId\":\"3f0c6d4e-8a52-4a8e-9b1e-6b9f6f3e2d12\",\"type\":\"InvestmentReported\",\"projectId\":\"TZ-2022-001\","
                    + "\"unitId\":\"县住建局\",\"occurredOn\":\"2022-12-20\",\"reportedAt\":\"2022-12-20T02:00:00Z\","
                    + "\"period\":\"2022-06\",\"amount\":88.80}",
            "{\"eventId\":\"3f0c6d4e-8a52-4a8e-9b1e-6b9f6f3e2d13\",\"type\":\"InvestmentReported\",\"projectId\":\"P1\","
                    + "\"occurredOn\":\"2022-12-20\",\"reportedAt\":\"2022-12-20T02:00:00Z\",\"period\":\"2022-06\","
                    + "\"amount\":900.00,\"reason\":\"设备到货\",\"confirm\":true}",
            "{\"eventId\":\"3f0c6d4e-8a52-4a8e-9b1e-6b9f6f3e2d14\",\"type\":\"MilestoneReached\",\"projectId\":\"P1\","
                    + "\"occurredOn\":\"2022-12-20\",\"reportedAt\":\"2022-12-20T02:00:00Z\",\"milestone\":\"STARTED\","
                    + "\"date\":\"2022-03-01\"}",
            "{\"eventId\":\"3f0c6d4e-8a52-4a8e-9b1e-6b9f6f3e2d15\",\"type\":\"IssueRaised\",\"projectId\":\"P1\","
                    + "\"occurredOn\":\"2022-12-20\",\"reportedAt\":\"2022-12-20T02:00:00Z\",\"issueId\":\"Q1\","
                    + "\"kind\":\"LAND\",\"text\":\"用地指标未落实\",\"dueDate\":\"2023-01-31\"}"
    })
    void writesAnEventAsItIsRead(String wire) {
        PulseEvent event = CODEC.decode(wire.getBytes(StandardCharsets.UTF_8));

        String written = new String(CODEC.encode(event), StandardCharsets.UTF_8);

        assertThat(written).isEqualTo(wire);
        assertThat(CODEC.decode(written.getBytes(StandardCharsets.UTF_8))).isEqualTo(event);
        assertThat(CODEC.toJson(event).toString()).isEqualTo(wire);
    }
}
