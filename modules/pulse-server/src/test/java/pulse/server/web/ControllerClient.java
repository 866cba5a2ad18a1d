package pulse.server.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.TokenGenerator;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import pulse.server.kafka.KafkaBacked;

/**
 * Requests to the web layer that the controller tests start without Kafka, with login tokens
 * signed as Pulse signs them ({@link StubbedServices} stands behind it).
 */
@Singleton
@Requires(property = KafkaBacked.ENABLED, value = "false")
public class ControllerClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EmbeddedServer server;
    private final TokenGenerator tokens;
    private final HttpClient http = HttpClient.newHttpClient();

    ControllerClient(EmbeddedServer server, TokenGenerator tokens) {
        this.server = server;
        this.tokens = tokens;
    }

    /** A valid login token of {@code username} with {@code role}. */
    public String token(String username, String role) {
        return tokens.generateToken(Authentication.build(username, List.of(role)), 600).orElseThrow();
    }

    /** A request with a JSON body; {@code token} and {@code language} (Accept-Language) may be null. */
    public HttpResponse<String> send(String method, String path, String body, String token, String language) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.getURI().resolve(path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return exchange(request.build());
    }

    public HttpResponse<String> get(String path, String token) {
        return exchange(HttpRequest.newBuilder(server.getURI().resolve(path))
                .header("Authorization", "Bearer " + token).GET().build());
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The answer's body as JSON. */
    public static JsonNode json(HttpResponse<String> answer) {
        try {
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + answer.body(), e);
        }
    }
}
