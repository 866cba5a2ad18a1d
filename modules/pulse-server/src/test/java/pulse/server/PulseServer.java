package pulse.server;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import pulse.model.PulseJson;

/**
 * A real Pulse server for tests: Micronaut on a random port, on its own embedded KRaft broker
 * with its data in a folder of the test's, so a test can stop it and start it again on the same data.
 */
final class PulseServer implements AutoCloseable {

    private final Map<String, Object> properties;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private ApplicationContext context;
    private URI base;

    PulseServer(Path dataDir, Map<String, Object> extra) {
        properties = new HashMap<>();
        properties.put("micronaut.server.port", -1);
        properties.put("pulse.data-dir", dataDir.toString());
        properties.put("pulse.bootstrap-servers", "");
        properties.put("pulse.embedded.port", freePort());
        properties.put("pulse.embedded.controller-port", freePort());
        properties.put("pulse.topics.partitions", 3);
        properties.put("pulse.today", "2022-06-30");
        properties.put("pulse.demo", false);
        properties.putAll(extra);
    }

    PulseServer start() {
        context = ApplicationContext.run(properties);
        EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
        base = server.getURI();
        await().atMost(Duration.ofSeconds(60)).until(() -> get("/health").status() == 200);
        return this;
    }

    ApplicationContext context() {
        return context;
    }

    void stop() {
        if (context != null) {
            context.close();
            context = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    record Answer(int status, String body, HttpResponse<String> raw) {
        JsonNode json() {
            try {
                return PulseJson.mapper().readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }
    }

    Answer get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET().build());
    }

    Answer post(String path, String json) {
        return send(json(path, json).POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
    }

    Answer put(String path, String json) {
        return send(json(path, json).PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
    }

    Answer sendBytes(String method, String path, byte[] body) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    private HttpRequest.Builder json(String path, String body) {
        return HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json");
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
