package pulse.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import pulse.rules.RuleSettings;

/**
 * A task lists the projects store it processes while it runs, and takes it off when it closes; it
 * says how far it has processed, and wakes whoever waits for that.
 */
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

    @Test
    void aReaderWaitingForARecordIsWokenWhenTheTaskHasProcessedIt() throws Exception {
        OpenProjectStores open = new OpenProjectStores();
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "pulse-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        try (TopologyTestDriver driver = new TopologyTestDriver(PulseTopology.build(
                new MutableClock(LocalDate.parse("2022-06-30")), RuleSettings.DEFAULTS, Duration.ofMinutes(1), open), props)) {
            TestInputTopic<String, byte[]> events = driver.createInputTopic(Topics.EVENTS.name(),
                    Topics.EVENTS.keySerde().serializer(), Topics.EVENTS.valueSerde().serializer());
            assertThat(open.processedUpTo(0)).isEqualTo(-1);

            events.pipeInput("P1", TestEvents.bytes(TestEvents.registration("P1", "县住建局", "玉泉镇", "URBAN", "1200")));
            assertThat(open.processedUpTo(0)).isEqualTo(1);
            assertThat(open.awaitProcessed(0, 1, Duration.ZERO)).isTrue();
            assertThat(open.awaitProcessed(0, 2, Duration.ofMillis(20))).as("nothing more was processed").isFalse();

            CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> {
                try {
                    return open.awaitProcessed(0, 3, Duration.ofSeconds(30));
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            // A refused event counts as processed too: it will never change the state
            events.pipeInput("P2", "not an event".getBytes(StandardCharsets.UTF_8));
            assertThat(waiting).isNotDone();
            events.pipeInput("P1", TestEvents.bytes(TestEvents.investment("P1", "2022-01", "10")));
            assertThat(waiting).succeedsWithin(Duration.ofSeconds(5)).isEqualTo(true);
            assertThat(open.processedUpTo(0)).isEqualTo(3);
        }
    }
}
