package pulse.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * SSE screens that watch the marker unit's row of the ranking, whose first figure is its
 * investment completed this year: each marker report sets it to a new value, and the time from
 * that report's acknowledgement to the update showing it on a screen is its latency.
 */
final class MarkerWatch {

    static final String MARKER_UNIT = "基准单位";
    /** The marker unit's row in an update: {@code "基准单位":[completedThisYear,…]} ({@code pulse.server.push.UnitLine}). */
    private static final String MARKER_ROW = "\"" + MARKER_UNIT + "\":[";

    final Histogram latencyMicros = new ConcurrentHistogram(3);
    final AtomicLong updates = new AtomicLong();
    final AtomicLong ended = new AtomicLong();
    final AtomicLong connected = new AtomicLong();
    /** Updates that carried the marker unit, whether or not their value was acknowledged yet. */
    final AtomicLong markerUpdates = new AtomicLong();
    final AtomicLong markersAcknowledged = new AtomicLong();
    /** marker value (whole 万元) → nanoTime of its acknowledgement */
    final Map<Long, Long> acknowledgedAt = new ConcurrentHashMap<>();

    CompletableFuture<Void> connect(HttpClient http, String url, String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/api/stream"))
                .header("Authorization", "Bearer " + token).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(new Screen()))
                .thenAccept(response -> { });
    }

    /**
     * The marker unit's {@code completedThisYear} in an update's line (whole 万元), found by searching
     * the text: a thousand screens parsing every update as JSON would make this client, not the
     * server, the bottleneck. Null when the update does not carry it.
     */
    static Long markerValue(String line) {
        int row = line.indexOf(MARKER_ROW);
        if (row < 0) {
            return null;
        }
        int start = row + MARKER_ROW.length();
        int stop = start;
        while (stop < line.length() && (Character.isDigit(line.charAt(stop)) || line.charAt(stop) == '.' || line.charAt(stop) == '-')) {
            stop++;
        }
        return new java.math.BigDecimal(line.substring(start, stop)).longValue();
    }

    private final class Screen implements Flow.Subscriber<String> {
        private final Map<Long, Boolean> seen = new ConcurrentHashMap<>();
        private final AtomicBoolean done = new AtomicBoolean();

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            connected.incrementAndGet();
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            if (!line.startsWith("data:") || !line.contains("\"kind\":\"update\"")) {
                return;
            }
            updates.incrementAndGet();
            if (!line.contains(MARKER_ROW)) {
                return;
            }
            long receivedAt = System.nanoTime();
            markerUpdates.incrementAndGet();
            Long value = markerValue(line);
            if (value != null) {
                Long ackedAt = acknowledgedAt.get(value);
                if (ackedAt != null && seen.putIfAbsent(value, true) == null) {
                    latencyMicros.recordValue(Math.max(0, (receivedAt - ackedAt) / 1000));
                }
            }
        }

        @Override
        public void onError(Throwable throwable) {
            end();
        }

        @Override
        public void onComplete() {
            end();
        }

        private void end() {
            if (done.compareAndSet(false, true)) {
                ended.incrementAndGet();
            }
        }
    }
}
