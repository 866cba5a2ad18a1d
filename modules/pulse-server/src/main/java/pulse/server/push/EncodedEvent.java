package pulse.server.push;

import java.nio.charset.StandardCharsets;

/**
 * One Server-Sent Event as the bytes that go on the wire, encoded once however many screens it
 * goes to: every screen's connection is handed the same array ({@link EncodedEventWriter}), where
 * Micronaut's own SSE writer encoded each event again for each screen (a thousand encodings of an
 * update of 10–15 KB, ten times a second, took most of the server's CPU with 1,000 screens).
 *
 * @param id the event's id, for {@code Last-Event-ID}; null for none
 * @param name the event's type ({@code snapshot}, {@code update}, {@code heartbeat}, {@code unavailable})
 * @param bytes {@code id:}, {@code event:}, {@code retry:} and {@code data:} lines and the blank line that ends the event
 */
public record EncodedEvent(String id, String name, byte[] bytes) {

    /**
     * @param data one line of JSON (Jackson writes no line breaks: a break inside a string is escaped)
     * @param retryMillis how long the browser waits before it reconnects; 0 for its own default
     */
    static EncodedEvent of(String id, String name, String data, long retryMillis) {
        if (data.indexOf('\n') >= 0 || data.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("an event's data must be one line: " + name);
        }
        StringBuilder text = new StringBuilder(data.length() + 64);
        if (id != null) {
            text.append("id: ").append(id).append('\n');
        }
        text.append("event: ").append(name).append('\n');
        if (retryMillis > 0) {
            text.append("retry: ").append(retryMillis).append('\n');
        }
        text.append("data: ").append(data).append("\n\n");
        return new EncodedEvent(id, name, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    static EncodedEvent of(String id, String name, String data) {
        return of(id, name, data, 0);
    }

    /** The event's data, read back from its bytes (for tests and logs; the screens get the bytes). */
    public String data() {
        String text = new String(bytes, StandardCharsets.UTF_8);
        int start = text.indexOf("data: ") + "data: ".length();
        return text.substring(start, text.indexOf('\n', start));
    }
}
