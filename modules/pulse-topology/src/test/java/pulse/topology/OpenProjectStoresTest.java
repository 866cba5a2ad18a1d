package pulse.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import pulse.rules.RuleSettings;

/** A task lists the projects store it processes while it runs, and takes it off when it closes. */
class OpenProjectStoresTest {

    @Test
    void aRunningTaskListsItsStoreWithWhatItProcessedAndTakesItOffWhenItCloses() {
        OpenProjectStores open = new OpenProjectStores();
        MutableClock clock = new MutableClock(LocalDate.parse("2022-06-30"));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "pulse-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        TopologyTestDriver driver = new TopologyTestDriver(
                PulseTopology.build(clock, RuleSettings.DEFAULTS, Duration.ofMinutes(1), open), props);
        TestInputTopic<String, byte[]> events = driver.createInputTopic(Topics.EVENTS.name(),
                Topics.EVENTS.keySerde().serializer(), Topics.EVENTS.valueSerde().serializer());

        events.pipeInput("P1", TestEvents.bytes(TestEvents.registration("P1", "县住建局", "玉泉镇", "URBAN", "1200")));

        assertThat(open.of(1)).isNull();
        assertThat(open.of(0).get("P1").unitId()).isEqualTo("县住建局");
        assertThat(open.of(0).get("P2")).isNull();
        driver.close();
        assertThat(open.of(0)).isNull();
    }
}
