package pulse.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pulse.server.push.LiveFeed;

/**
 * A screen that stops reading is kept, not dropped, and what waited for it arrives merged: through
 * the real HTTP server, whose demand for frames follows the connection (a small send buffer, the
 * setting of the screens' connections, and a small receive buffer make it fill after a few dozen updates).
 */
class SlowScreenTest {

    @TempDir
    Path dataDir;

    @Test
    void shouldMergeWhatWaitsForAScreenThatDoesNotReadAndDeliverTheNewestOnceItDoes() throws Exception {
        try (PulseServer server = new PulseServer(dataDir, Map.<String, Object>of("pulse.push.coalesce-ms", 5,
                "pulse.push.client-buffer", 4, "pulse.push.socket-send-buffer-bytes", 4096)).start()) {
            assertThat(server.post("/api/projects", """
                    {"projectId":"SS-1","name":"慢屏测试项目","area":"URBAN","township":"玉泉镇","unitId":"县住建局",
                     "level":"COUNTY","totalInvestment":90000.00,"year":2022,"annualPlan":60000.00}""").status()).isIn(200, 201);
            LiveFeed feed = server.context().getBean(LiveFeed.class);
            try (Socket screen = new Socket()) {
                screen.setReceiveBufferSize(4096);
                screen.setSoTimeout(1000);
                screen.connect(new InetSocketAddress(server.base().getHost(), server.base().getPort()));
                screen.getOutputStream().write(("GET /api/stream HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n"
                        + "Authorization: Bearer " + server.adminToken() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                await().until(() -> feed.connectedScreens() == 1);

                // The screen reads nothing while 300 reports each make an update of their own.
                for (int i = 0; i < 300; i++) {
                    String amount = (1000 + i) + ".00";
                    assertThat(server.put("/api/projects/SS-1/investments/2022-05",
                            "{\"amount\":" + amount + ",\"reason\":\"更正\"}").status()).isEqualTo(200);
                }
                await().atMost(Duration.ofSeconds(20)).until(() -> feed.merges() > 0);
                assertThat(feed.connectedScreens()).as("kept, not dropped").isEqualTo(1);

                // Every report is on the feed once it stops sending updates.
                long[] seen = {-1};
                await().atMost(Duration.ofSeconds(20)).during(Duration.ofMillis(700)).until(() -> {
                    long now = feed.updatesSent();
                    boolean settled = now == seen[0];
                    seen[0] = now;
                    return settled;
                });
                long newest = feed.updatesSent();
                List<Long> ids = readIdsUntil(screen.getInputStream(), newest);
                assertThat(ids).last().isEqualTo(newest);
                long gaps = 0;
                for (int i = 1; i < ids.size(); i++) {
                    gaps += ids.get(i) == ids.get(i - 1) + 1 ? 0 : 1;
                }
                assertThat(gaps).as("updates merged while it did not read").isPositive();
                assertThat(ids.size()).as("fewer frames than updates").isLessThan((int) newest);
            }
        }
    }

    /** Reads the stream until the event with id {@code newest}, answering the sequence numbers of every event's id. */
    private static List<Long> readIdsUntil(InputStream in, long newest) throws Exception {
        Pattern id = Pattern.compile("^id: ?[0-9a-z]+-(\\d+)", Pattern.MULTILINE);
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        byte[] chunk = new byte[65536];
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<Long> ids = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            int n;
            try {
                n = in.read(chunk);
            } catch (SocketTimeoutException e) {
                continue;
            }
            if (n < 0) {
                break;
            }
            read.write(chunk, 0, n);
            ids.clear();
            Matcher matcher = id.matcher(read.toString(StandardCharsets.UTF_8));
            while (matcher.find()) {
                ids.add(Long.parseLong(matcher.group(1)));
            }
            if (!ids.isEmpty() && ids.get(ids.size() - 1) == newest) {
                return ids;
            }
        }
        throw new AssertionError("the newest update " + newest + " did not arrive; ids read: " + ids);
    }
}
