package pulse.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pulse.broker.EmbeddedBroker;

/**
 * Pulse against a broker that requires SASL (PLAIN) on every listener and authorizes with ACLs:
 * the server connects with the credentials of its client configuration file, with only the ACLs
 * docs/operations.md lists, and works; a client without credentials, or one without ACLs, gets nothing.
 */
class SaslBrokerTest {

    private static final String PLAIN = "org.apache.kafka.common.security.plain.PlainLoginModule required";

    private static Map<String, Object> client(String user, String password) {
        return new HashMap<>(Map.of(
                CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT",
                SaslConfigs.SASL_MECHANISM, "PLAIN",
                SaslConfigs.SASL_JAAS_CONFIG, PLAIN + " username=\"" + user + "\" password=\"" + password + "\";"));
    }

    @Test
    void shouldServeFromABrokerThatRequiresSaslAndAcls(@TempDir Path kafkaDir, @TempDir Path dataDir) throws Exception {
        int port = PulseServer.freePort();
        int controllerPort = PulseServer.freePort();
        String users = PLAIN + " username=\"broker\" password=\"broker-secret\" user_broker=\"broker-secret\""
                + " user_pulse=\"pulse-secret\" user_stranger=\"stranger-secret\";";
        Map<String, String> sasl = new HashMap<>();
        sasl.put("listeners", "SASL://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        sasl.put("advertised.listeners", "SASL://localhost:" + port);
        sasl.put("listener.security.protocol.map", "SASL:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
        sasl.put("inter.broker.listener.name", "SASL");
        sasl.put("sasl.enabled.mechanisms", "PLAIN");
        sasl.put("sasl.mechanism.inter.broker.protocol", "PLAIN");
        sasl.put("sasl.mechanism.controller.protocol", "PLAIN");
        sasl.put("listener.name.sasl.plain.sasl.jaas.config", users);
        sasl.put("listener.name.controller.plain.sasl.jaas.config", users);
        sasl.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        sasl.put("super.users", "User:broker");
        Map<String, Object> superUser = client("broker", "broker-secret");

        try (EmbeddedBroker broker = EmbeddedBroker.start(kafkaDir, "localhost", port, controllerPort, sasl, superUser)) {
            Map<String, Object> admin = new HashMap<>(superUser);
            admin.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
            try (Admin acls = Admin.create(admin)) {
                acls.createAcls(pulseAcls()).all().get();
            }
            Path clientConfig = dataDir.resolve("client.properties");
            Files.writeString(clientConfig, """
                    security.protocol=SASL_PLAINTEXT
                    sasl.mechanism=PLAIN
                    sasl.jaas.config=%s username="pulse" password="pulse-secret";
                    """.formatted(PLAIN));

            try (PulseServer server = new PulseServer(dataDir.resolve("server"), Map.of(
                    "pulse.bootstrap-servers", broker.bootstrapServers(),
                    "pulse.kafka-client-config", clientConfig.toString(),
                    "pulse.security.jwt-secret", "a-signing-secret-for-the-sasl-test-only")).start()) {
                assertThat(server.post("/api/projects", """
                        {"projectId":"SASL-1","name":"安全接入测试","area":"URBAN","township":"玉泉镇","unitId":"县住建局",
                         "level":"COUNTY","totalInvestment":100.00,"year":2022,"annualPlan":100.00}""").status()).isEqualTo(201);
                assertThat(server.put("/api/projects/SASL-1/investments/2022-05", "{\"amount\":12.34}").status()).isEqualTo(200);

                await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                        assertThat(server.get("/api/totals").json().get("completedThisYear").decimalValue())
                                .isEqualByComparingTo("12.34"));
            }

            assertThatThrownBy(() -> readEvents(broker, client("pulse", "wrong-password")))
                    .isInstanceOf(SaslAuthenticationException.class);
            assertThatThrownBy(() -> readEvents(broker, client("stranger", "stranger-secret")))
                    .isInstanceOf(TopicAuthorizationException.class);
        }
    }

    /** The ACLs of docs/operations.md: Pulse's topics, its consumer group and its transactions, by the prefix "pulse". */
    private static List<AclBinding> pulseAcls() {
        AccessControlEntry all = new AccessControlEntry("User:pulse", "*", AclOperation.ALL, AclPermissionType.ALLOW);
        return List.of(
                new AclBinding(new ResourcePattern(ResourceType.TOPIC, "pulse", PatternType.PREFIXED), all),
                new AclBinding(new ResourcePattern(ResourceType.GROUP, "pulse", PatternType.PREFIXED), all),
                new AclBinding(new ResourcePattern(ResourceType.TRANSACTIONAL_ID, "pulse", PatternType.PREFIXED), all));
    }

    private static void readEvents(EmbeddedBroker broker, Map<String, Object> credentials) {
        Map<String, Object> config = new HashMap<>(credentials);
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            TopicPartition partition = new TopicPartition("pulse.events", 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            consumer.poll(Duration.ofSeconds(5));
            consumer.position(partition);
        }
    }
}
