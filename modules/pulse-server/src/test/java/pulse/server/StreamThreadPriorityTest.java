package pulse.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.ThreadMetadata;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import pulse.server.kafka.KafkaSettings;
import pulse.server.kafka.StreamThreadPriority;

/** The stream threads run below the rest (Linux's nice), read back from the kernel's view of each thread. */
@ExtendWith(SharedServer.class)
class StreamThreadPriorityTest {

    @BeforeAll
    static void onLinux() {
        assumeThat(Path.of("/proc/thread-self/stat")).as("Linux's /proc").exists();
    }

    @Test
    void shouldLowerOnlyTheThreadThatPolls() throws Exception {
        AtomicInteger seen = new AtomicInteger(-100);
        Thread polling = new Thread(() -> {
            new StreamThreadPriority().onConsume(ConsumerRecords.empty());
            try {
                seen.set(nice(Path.of("/proc/thread-self")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        polling.start();
        polling.join();

        assertThat(seen.get()).isEqualTo(StreamThreadPriority.NICE);
        assertThat(nice(Path.of("/proc/thread-self"))).isZero();
    }

    @Test
    void shouldRunTheServersStreamThreadsBelowItsEventLoops(PulseServer server) throws Exception {
        // A stream thread is lowered at its first poll that brings records: a project on every partition.
        int partitions = server.context().getBean(KafkaSettings.class).partitions();
        Set<Integer> covered = new HashSet<>();
        for (int i = 0; covered.size() < partitions; i++) {
            String projectId = "PRIO-" + i;
            if (covered.add(Utils.toPositive(Utils.murmur2(projectId.getBytes(StandardCharsets.UTF_8))) % partitions)) {
                assertThat(server.post("/api/projects", """
                        {"projectId":"%s","name":"石佛寺供水工程","area":"RURAL","township":"新平镇","unitId":"县水务局",
                         "level":"COUNTY","totalInvestment":2000.00,"year":2022,"annualPlan":2000.00}""".formatted(projectId))
                        .status()).isEqualTo(201);
            }
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertStreamThreadsLowered(server));
    }

    private static void assertStreamThreadsLowered(PulseServer server) throws IOException {
        Set<String> streamThreads = server.context().getBean(KafkaStreams.class).metadataForLocalThreads().stream()
                .map(ThreadMetadata::threadName).collect(Collectors.toSet());
        assertThat(streamThreads).isNotEmpty();
        // The kernel keeps a thread's name to 15 bytes: the stream threads of one client share theirs.
        Set<String> kernelNames = streamThreads.stream().map(name -> name.substring(0, Math.min(15, name.length())))
                .collect(Collectors.toSet());
        List<Path> threads;
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            threads = tasks.toList();
        }
        long lowered = 0;
        long eventLoops = 0;
        for (Path thread : threads) {
            String name = comm(thread);
            if (kernelNames.contains(name) && nice(thread) == StreamThreadPriority.NICE) {
                lowered++;
            }
            if (name.startsWith("default-eventLo")) {
                eventLoops++;
                assertThat(nice(thread)).as("event loop %s", thread).isZero();
            }
        }
        assertThat(lowered).isEqualTo(streamThreads.size());
        assertThat(eventLoops).isPositive();
    }

    private static String comm(Path thread) throws IOException {
        return Files.readString(thread.resolve("comm")).strip();
    }

    /** Field 19 of the thread's stat, counted after the name in parentheses (which may hold spaces). */
    private static int nice(Path thread) throws IOException {
        String stat = Files.readString(thread.resolve("stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[19 - 3]);
    }
}
