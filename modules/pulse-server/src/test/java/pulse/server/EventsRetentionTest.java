package pulse.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pulse.broker.EmbeddedBroker;

/** Pulse will not run on an events topic that would lose its system of record. */
class EventsRetentionTest {

    @Test
    void shouldRefuseToStartWhenTheEventsTopicHasAFiniteRetentionAndSayHowToFixIt(@TempDir Path dataDir) throws Exception {
        int port = PulseServer.freePort();
        try (EmbeddedBroker broker = EmbeddedBroker.start(dataDir.resolve("kafka"), "localhost", port,
                PulseServer.freePort(), Map.of())) {
            // Given pulse.events made by someone else, keeping a week
            try (Admin admin = Admin.create(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic("pulse.events", Optional.of(3), Optional.empty())
                        .configs(Map.of("retention.ms", "604800000")))).all().get();
            }

            // When Pulse starts on it
            Throwable refused = catchThrowable(() -> new PulseServer(dataDir.resolve("server"),
                    Map.of("pulse.bootstrap-servers", broker.bootstrapServers())).start().close());

            // Then it refuses, naming the setting and the command that fixes it
            Throwable cause = refused;
            while (cause.getCause() != null && !(cause instanceof IllegalStateException)) {
                cause = cause.getCause();
            }
            assertThat(cause).isInstanceOf(IllegalStateException.class);
            assertThat(cause.getMessage()).contains("pulse.events", "would lose events", "retention.ms=604800000 (expected -1)",
                    "kafka-configs.sh", "--add-config retention.ms=-1,retention.bytes=-1,cleanup.policy=delete");
        }
    }
}
