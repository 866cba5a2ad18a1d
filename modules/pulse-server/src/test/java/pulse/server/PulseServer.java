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
 * Its requests carry the first admin's token unless a test says otherwise ({@link #as(String)}).
 */
final class PulseServer implements AutoCloseable {

    static final String ADMIN_PASSWORD = "admin-password-for-tests";

    private final Map<String, Object> properties;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private ApplicationContext context;
    private URI base;
    private String adminToken;

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
        properties.put("pulse.security.admin-password", ADMIN_PASSWORD);
        properties.putAll(extra);
    }

    PulseServer start() {
        startWithoutLogin();
        adminToken = login("admin", ADMIN_PASSWORD);
        return this;
    }

    /** Starts and waits until healthy, without logging in (the admin's password may not be {@link #ADMIN_PASSWORD}). */
    PulseServer startWithoutLogin() {
        context = ApplicationContext.run(properties);
        EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
        base = server.getURI();
        // Healthy for a whole second: right after its first assignment Kafka Streams often rebalances
        // once more (it has just created its changelog topics), and reads answer 503 meanwhile.
        await().atMost(Duration.ofSeconds(60)).during(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50))
                .until(() -> as(null).get("/health").status() == 200);
        return this;
    }

    URI base() {
        return base;
    }

    /** The bootstrap address of this server's embedded broker, for a second instance to join. */
    String kafkaAddress() {
        return "localhost:" + properties.get("pulse.embedded.port");
    }

    JsonNode json(String body) {
        return new Answer(200, body, null).json();
    }

    String adminToken() {
        return adminToken;
    }

    /** Logs in; the access token. */
    String login(String username, String password) {
        Answer answer = as(null).post("/login", PulseJson.mapper().createObjectNode()
                .put("username", username).put("password", password).toString());
        if (answer.status() != 200) {
            throw new IllegalStateException("login of " + username + " answered " + answer.status() + ": " + answer.body());
        }
        return answer.json().get("access_token").asText();
    }

    /** Creates an account as the admin and logs it in; its token. */
    String account(String username, String role, String unitId) {
        var body = PulseJson.mapper().createObjectNode().put("username", username)
                .put("password", username + "-password").put("role", role);
        if (unitId != null) {
            body.put("unitId", unitId);
        }
        Answer created = post("/api/accounts", body.toString());
        if (created.status() != 201) {
            throw new IllegalStateException("account " + username + " answered " + created.status() + ": " + created.body());
        }
        return login(username, username + "-password");
    }

    /** Requests sent with this token ({@code null}: with none). */
    Client as(String token) {
        return new Client(token);
    }

    Answer get(String path) {
        return as(adminToken).get(path);
    }

    Answer post(String path, String json) {
        return as(adminToken).post(path, json);
    }

    Answer put(String path, String json) {
        return as(adminToken).put(path, json);
    }

    Answer sendBytes(String method, String path, byte[] body) {
        return as(adminToken).sendBytes(method, path, body);
    }

    Answer upload(String path, String fileName, byte[] file) {
        return as(adminToken).upload(path, fileName, file);
    }

    /** A file the admin downloads (a workbook, a document), with {@code accept} as its Accept header (null: none). */
    byte[] download(String path, String accept) {
        return as(adminToken).download(path, accept);
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

        /**
         * Asserts a refusal as documented: {@code expected} as the status, and an error body whose
         * message contains each of {@code words} (what was refused, or why).
         */
        Answer refused(int expected, String... words) {
            org.assertj.core.api.Assertions.assertThat(status).as(body).isEqualTo(expected);
            org.assertj.core.api.Assertions.assertThat(json().path("message").asText()).as(body).contains(words);
            return this;
        }

        /** Asserts a 200 whose JSON body holds {@code field}; the body. */
        JsonNode ok(String field) {
            org.assertj.core.api.Assertions.assertThat(status).as(body).isEqualTo(200);
            JsonNode json = json();
            org.assertj.core.api.Assertions.assertThat(json.isArray() ? json.path(0).has(field) : json.has(field))
                    .as(field + " in " + body).isTrue();
            return json;
        }

        JsonNode json() {
            try {
                return PulseJson.mapper().readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }
    }

    /** Requests with one token, or none. */
    final class Client {

        private final String token;
        private final String language;

        private Client(String token) {
            this(token, null);
        }

        private Client(String token, String language) {
            this.token = token;
            this.language = language;
        }

        /** The same requests with {@code Accept-Language: <language>}. */
        Client in(String language) {
            return new Client(token, language);
        }

        Answer get(String path) {
            return send(request(path).GET().build());
        }

        /** A GET with one more header, e.g. {@code If-None-Match}. */
        Answer get(String path, String header, String value) {
            return send(request(path).header(header, value).GET().build());
        }

        Answer post(String path, String json) {
            return send(request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
        }

        Answer put(String path, String json) {
            return send(request(path).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
        }

        Answer delete(String path) {
            return send(request(path).DELETE().build());
        }

        Answer sendBytes(String method, String path, byte[] body) {
            return send(request(path).header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(body)).build());
        }

        /** A file downloaded; anything but 200 fails the test with the answer's body. */
        byte[] download(String path, String accept) {
            HttpRequest.Builder request = request(path);
            if (accept != null) {
                request.header("Accept", accept);
            }
            try {
                HttpResponse<byte[]> response = http.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(path + " answered " + response.statusCode() + ": "
                            + new String(response.body(), StandardCharsets.UTF_8));
                }
                return response.body();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** A file uploaded as a browser's form sends it: multipart/form-data, in the part named {@code file}. */
        Answer upload(String path, String fileName, byte[] file) {
            String boundary = "----pulse-test-" + System.nanoTime();
            byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
            byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
            byte[] body = new byte[head.length + file.length + tail.length];
            System.arraycopy(head, 0, body, 0, head.length);
            System.arraycopy(file, 0, body, head.length, file.length);
            System.arraycopy(tail, 0, body, head.length + file.length, tail.length);
            return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
        }

        private HttpRequest.Builder request(String path) {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path));
            if (language != null) {
                request.header("Accept-Language", language);
            }
            return token == null ? request : request.header("Authorization", "Bearer " + token);
        }
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
