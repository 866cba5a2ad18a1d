package pulse.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class BatchPosterTest {

    @Test
    void shouldSendEachRequestWholeAndReadSizedAndChunkedAnswersOnOneConnection() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        List<String> tokens = new CopyOnWriteArrayList<>();
        List<Integer> connections = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/api/events", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(body);
            tokens.add(exchange.getRequestHeaders().getFirst("Authorization"));
            connections.add(exchange.getRemoteAddress().getPort());
            byte[] answer = ("[{\"taken\":" + received.size() + ",\"县\":\"某县\"}]").getBytes(StandardCharsets.UTF_8);
            boolean refused = body.contains("bad");
            // the first answer with its length, the others in chunks (a length of 0 asks for them)
            exchange.sendResponseHeaders(refused ? 400 : 200, received.size() == 1 ? answer.length : 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer, 0, 5);
                out.flush();
                out.write(answer, 5, answer.length - 5);
            }
        });
        server.start();
        int port = server.getAddress().getPort();
        try (BatchPoster poster = new BatchPoster("localhost", port)) {
            BatchPoster.Answer first = poster.send(BatchPoster.request("localhost", port, "/api/events", "t0k", "[{\"a\":\"甲\"}]"));
            BatchPoster.Answer second = poster.send(BatchPoster.request("localhost", port, "/api/events", "t0k", "[2]"));
            BatchPoster.Answer third = poster.send(BatchPoster.request("localhost", port, "/api/events", "t0k", "[\"bad\"]"));

            assertThat(received).containsExactly("[{\"a\":\"甲\"}]", "[2]", "[\"bad\"]");
            assertThat(tokens).containsOnly("Bearer t0k");
            assertThat(connections).hasSize(3).containsOnly(connections.get(0));
            assertThat(first).isEqualTo(new BatchPoster.Answer(200, "[{\"taken\":1,\"县\":\"某县\"}]"));
            assertThat(second).isEqualTo(new BatchPoster.Answer(200, "[{\"taken\":2,\"县\":\"某县\"}]"));
            assertThat(third.status()).isEqualTo(400);
            assertThat(third.body()).isEqualTo("[{\"taken\":3,\"县\":\"某县\"}]");
        } finally {
            server.stop(0);
        }
    }
}
