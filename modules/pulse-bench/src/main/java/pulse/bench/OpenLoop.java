package pulse.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Sends requests at a fixed rate whatever the answers do, and times each from the moment it was
 * due to be sent, not from when it was sent: a server that stalls is charged for every request
 * that should have gone out meanwhile (no coordinated omission).
 */
final class OpenLoop {

    final Histogram latencyMicros = new ConcurrentHistogram(3);
    final AtomicLong failed = new AtomicLong();
    final AtomicLong sent = new AtomicLong();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /** {@code rate} requests a second for {@code duration}, the i-th to {@code url.apply(i)}; returns once all answered. */
    OpenLoop run(double rate, Duration duration, LongFunction<String> url, String token) {
        long interval = (long) (1e9 / rate);
        long start = System.nanoTime();
        long count = (long) (rate * duration.toSeconds());
        CompletableFuture<?>[] answers = new CompletableFuture<?>[(int) count];
        for (long i = 0; i < count; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            HttpRequest request = HttpRequest.newBuilder(URI.create(url.apply(i)))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).build();
            sent.incrementAndGet();
            answers[(int) i] = http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((answer, error) -> {
                if (error != null || answer.statusCode() != 200) {
                    failed.incrementAndGet();
                } else {
                    latencyMicros.recordValue(Math.max(0, (System.nanoTime() - due) / 1000));
                }
                return null;
            });
        }
        CompletableFuture.allOf(answers).join();
        return this;
    }
}
