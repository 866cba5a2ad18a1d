package pulse.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenLoopTest {

    @Test
    void shouldSendEveryRequestOnTimeAndTimeEachFromWhenItWasDue(@TempDir Path folder) throws Exception {
        Path answer = folder.resolve("answer");
        Files.writeString(answer, "content-type: application/json\n\n{\"total\":1}");
        try (BareHttpServer.Running server = BareHttpServer.start(0, answer)) {
            AtomicInteger asked = new AtomicInteger();
            OpenLoop reads = new OpenLoop(4).run(200, Duration.ofSeconds(1), i -> {
                asked.incrementAndGet();
                return "http://localhost:" + server.port() + "/api/totals?i=" + i;
            }, "token");

            assertThat(reads.sent.get()).isEqualTo(200);
            assertThat(reads.failed.get()).isZero();
            assertThat(reads.latencyMicros.getTotalCount()).isEqualTo(200);
            // every request's own delay in the reader is kept apart, and is part of its latency
            assertThat(reads.readerLateMicros.getTotalCount()).isEqualTo(200);
            assertThat(reads.readerLateMicros.getMaxValue()).isLessThanOrEqualTo(reads.latencyMicros.getMaxValue());
            assertThat(asked.get()).isGreaterThanOrEqualTo(200);
        }
    }

    @Test
    void shouldRaiseTheCallingThreadAboveTheDefaultPriorityWhereThisUserMay() throws Exception {
        assumeTrue(Files.readString(Path.of("/proc/self/status")).contains("\nUid:\t0\t"),
                "lowering nice below 0 takes root here");
        int[] seen = new int[1];
        Thread reader = new Thread(() -> {
            ReaderPriority.raiseCallingThread();
            try {
                seen[0] = nice(Path.of("/proc/thread-self"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        reader.start();
        reader.join();

        assertThat(seen[0]).isEqualTo(ReaderPriority.NICE);
        assertThat(nice(Path.of("/proc/thread-self"))).as("the thread that started it").isZero();
    }

    /** Field 19 of the thread's stat, counted after the name in parentheses (which may hold spaces). */
    private static int nice(Path thread) throws Exception {
        String stat = Files.readString(thread.resolve("stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[19 - 3]);
    }
}
