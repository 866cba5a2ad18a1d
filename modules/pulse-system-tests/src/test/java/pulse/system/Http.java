package pulse.system;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import pulse.model.PulseJson;

/** Small JSON-over-HTTP helper for the tests. */
final class Http {

    record Answer(int status, String body, HttpResponse<String> raw) {
        JsonNode json() {
            try {
                return PulseJson.mapper().readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    /** The admin's token, sent with every request once {@link #login} ran; valid on every server (one secret). */
    private static volatile String token;

    private Http() {}

    static void login(String server, String username, String password) {
        token = null;
        Answer answer = send("POST", server + "/login", PulseJson.mapper().createObjectNode()
                .put("username", username).put("password", password).toString());
        if (answer.status() != 200) {
            throw new IllegalStateException("login answered " + answer.status() + ": " + answer.body());
        }
        token = answer.json().get("access_token").asText();
    }

    static Answer get(String url) {
        return send(authorized(HttpRequest.newBuilder(URI.create(url))).timeout(Duration.ofSeconds(10)).GET().build());
    }

    static Answer send(String method, String url, String json) {
        return send(authorized(HttpRequest.newBuilder(URI.create(url))).timeout(Duration.ofSeconds(40))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
    }

    /** The request with the logged-in token, if any. */
    static HttpRequest.Builder authorized(HttpRequest.Builder request) {
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private static Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            return new Answer(-1, e.toString(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, "interrupted", null);
        }
    }
}
