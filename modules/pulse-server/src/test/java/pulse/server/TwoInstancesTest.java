package pulse.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import pulse.server.kafka.TopologyStores;
import pulse.server.security.PeerToken;

/**
 * Two instances on one broker, each processing some of the partitions: what one knows about
 * logins the other knows too, and an instance asked for a project whose partition it does not
 * hold says so (503), never that the project does not exist.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesTest {

    private static final String SECRET = "a-secret-shared-by-the-two-instances-of-this-test";
    private PulseServer one;
    private PulseServer other;

    @BeforeAll
    void start(@TempDir Path first, @TempDir Path second) {
        int onePort = PulseServer.freePort();
        one = new PulseServer(first, Map.of("pulse.security.jwt-secret", SECRET, "pulse.security.login.lockout", "60s",
                "micronaut.server.port", onePort, "pulse.advertised-address", "localhost:" + onePort)).start();
        int port = PulseServer.freePort();
        other = new PulseServer(second, Map.of("pulse.security.jwt-secret", SECRET,
                "pulse.security.login.lockout", "60s", "pulse.bootstrap-servers", one.kafkaAddress(),
                "micronaut.server.port", port, "pulse.advertised-address", "localhost:" + port)).startWithoutLogin();
        // Healthy means running, not that every task has restored: wait until each partition is processed on one of them
        TopologyStores[] both = {one.context().getBean(TopologyStores.class), other.context().getBean(TopologyStores.class)};
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> java.util.stream.IntStream
                .range(0, 3).allMatch(p -> both[0].openProjects().of(p) != null || both[1].openProjects().of(p) != null));
    }

    @AfterAll
    void stop() {
        if (other != null) {
            other.close();
        }
        if (one != null) {
            one.close();
        }
    }

    @Test
    void shouldRefuseOnOneInstanceAnAccountLockedOutOnTheOther() {
        one.account("roaming", "viewer", null);
        // the account works on the other instance
        assertThat(login(other, "roaming", "roaming-password").status()).isEqualTo(200);

        // five failures on the first
        for (int i = 0; i < 5; i++) {
            login(one, "roaming", "wrong-" + i).refused(401, "用户名或密码不正确");
        }

        // and the other refuses it, the right password too
        PulseServer.Answer refused = login(other, "roaming", "roaming-password");
        refused.refused(429, "登录失败次数过多");
        assertThat(refused.raw().headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void shouldAnswerAPeerAskingForAPartitionItDoesNotHoldWith503NotAFalse404() {
        List<String> projects = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            projects.add("TI-" + i);
            PulseServer.Answer registered = one.post("/api/projects", """
                    {"projectId":"TI-%d","name":"两实例项目%d","area":"URBAN","township":"玉泉镇","unitId":"县住建局",
                     "level":"COUNTY","totalInvestment":100.00,"year":2022,"annualPlan":100.00}""".formatted(i, i));
            assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        }
        TopologyStores streams = other.context().getBean(TopologyStores.class);
        String peer = other.context().getBean(PeerToken.class).authorization().substring("Bearer ".length());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<String> held = new ArrayList<>();
            List<String> elsewhere = new ArrayList<>();
            for (String project : projects) {
                // every project answers through either instance
                assertThat(other.as(one.adminToken()).get("/api/projects/" + project).status()).as(project).isEqualTo(200);
                int partition = streams.partitionOf(project);
                PulseServer.Answer asked = other.as(peer).get("/api/internal/projects/" + project + "/state?partition="
                        + partition);
                if (streams.openProjects().of(partition) != null) {
                    assertThat(asked.status()).as(project + " on partition " + partition + ", held").isEqualTo(200);
                    held.add(project);
                } else {
                    asked.refused(503, "暂不可读", "partition " + partition);
                    elsewhere.add(project);
                }
            }
            assertThat(held).as("projects on partitions this instance holds").isNotEmpty();
            assertThat(elsewhere).as("projects on partitions the other instance holds").isNotEmpty();
        });
    }

    private static PulseServer.Answer login(PulseServer server, String username, String password) {
        return server.as(null).post("/login", "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
    }
}
