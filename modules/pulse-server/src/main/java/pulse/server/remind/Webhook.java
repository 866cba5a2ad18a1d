package pulse.server.remind;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import pulse.model.PulseJson;

/**
 * A WeCom (企业微信) or DingTalk (钉钉) group robot: both take {@code {"msgtype":"text","text":{"content":...}}}
 * and answer {@code {"errcode":0,...}} when they took it.
 */
final class Webhook {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final URI url;

    Webhook(String url) {
        this.url = URI.create(url);
    }

    /** Sends the text; an exception says why the robot did not take it. */
    void send(String text) throws IOException, InterruptedException {
        var body = PulseJson.mapper().createObjectNode().put("msgtype", "text");
        body.putObject("text").put("content", text);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(url).timeout(TIMEOUT)
                        .header("Content-Type", "application/json; charset=utf-8")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() / 100 != 2) {
            throw new IOException("the webhook answered HTTP " + response.statusCode());
        }
        JsonNode answer = response.body().isBlank() ? null : PulseJson.mapper().readTree(response.body());
        if (answer != null && answer.has("errcode") && answer.get("errcode").asInt() != 0) {
            throw new IOException("the robot refused it: " + answer.path("errmsg").asText(answer.toString()));
        }
    }
}
