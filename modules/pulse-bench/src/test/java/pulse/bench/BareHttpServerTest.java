package pulse.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BareHttpServerTest {

    @Test
    void shouldAnswerEveryRequestOnAConnectionWithTheStoredHeadersAndBytes(@TempDir Path folder) throws Exception {
        // A body with a blank line and non-ASCII text inside: only the first blank line ends the headers.
        String body = "{\"county\":\"某县\",\n\n\"total\":1}";
        Path answer = folder.resolve("answer");
        Files.writeString(answer, "content-type: application/json\netag: \"v42\"\n\n" + body);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        try (BareHttpServer.Running server = BareHttpServer.start(0, answer)) {
            for (String path : new String[] {"/api/totals", "/anything"}) {
                HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + server.port() + path)).build(), HttpResponse.BodyHandlers.ofByteArray());

                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.body()).isEqualTo(body.getBytes(StandardCharsets.UTF_8));
                assertThat(response.headers().firstValue("etag")).hasValue("\"v42\"");
                assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
                assertThat(response.headers().firstValueAsLong("content-length")).hasValue(body.getBytes(StandardCharsets.UTF_8).length);
            }
        }
    }
}
