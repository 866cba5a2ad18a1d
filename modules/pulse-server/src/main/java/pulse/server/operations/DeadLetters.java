package pulse.server.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import pulse.topology.Topics;

/**
 * The records on {@code pulse.events.dlq}, as read back from that topic (read_committed, from its
 * start): so every instance shows the same count, whichever instance set a record aside, and the
 * count survives restarts. Exposed as the gauge {@code pulse.events.dead.letters}.
 */
@Singleton
public class DeadLetters {

    private static final int RECENT = 20;

    /** One dead letter as an operator sees it: its key, why, where it was, when it was written. */
    public record Letter(String key, String reason, String source, Instant at) {}

    private final AtomicLong count = new AtomicLong();
    private final Deque<Letter> recent = new ArrayDeque<>();

    DeadLetters(MeterRegistry registry) {
        Gauge.builder("pulse.events.dead.letters", count, AtomicLong::get)
                .description("Records of " + Topics.EVENTS.name() + " set aside on " + Topics.DEAD_LETTERS.name())
                .register(registry);
    }

    public long count() {
        return count.get();
    }

    /** Records one more letter; the new count. */
    public long add(Letter letter) {
        synchronized (recent) {
            recent.addFirst(letter);
            while (recent.size() > RECENT) {
                recent.removeLast();
            }
        }
        return count.incrementAndGet();
    }

    public List<Letter> recent() {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }
}
