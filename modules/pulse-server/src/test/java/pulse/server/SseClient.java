package pulse.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A plain Server-Sent Events client, as a screen would be: it remembers the last id it saw. */
final class SseClient implements AutoCloseable {

    record SseEvent(String id, String name, String data) {}

    private final BlockingQueue<SseEvent> events = new LinkedBlockingQueue<>();
    private final InputStream body;
    private volatile String lastEventId;

    SseClient(URI stream, String lastEventId, String token) throws IOException, InterruptedException {
        this.lastEventId = lastEventId;
        HttpRequest.Builder request = HttpRequest.newBuilder(stream).header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + token);
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<InputStream> response = HttpClient.newHttpClient()
                .send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new IOException("stream answered " + response.statusCode());
        }
        body = response.body();
        Thread reader = new Thread(this::read, "sse-client");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String id = null;
            String name = "message";
            StringBuilder data = new StringBuilder();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        if (id != null) {
                            lastEventId = id;
                        }
                        events.add(new SseEvent(id, name, data.toString()));
                    }
                    id = null;
                    name = "message";
                    data.setLength(0);
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                }
            }
        } catch (IOException e) {
            // closed
        }
    }

    /** The next event other than a heartbeat, waiting up to {@code timeout}. */
    SseEvent next(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            SseEvent event = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (event == null) {
                throw new AssertionError("no event within " + timeout);
            }
            if (!event.name().equals("heartbeat")) {
                return event;
            }
        }
    }

    String lastEventId() {
        return lastEventId;
    }

    @Override
    public void close() throws IOException {
        body.close();
    }
}
