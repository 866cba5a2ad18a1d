package pulse.server.push;

import io.micronaut.http.sse.Event;
import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

/**
 * One connected screen and the frames it has yet to take. A screen is never dropped for being
 * slow: when more than {@code limit} updates wait for it, they are merged into one that holds the
 * latest of everything they carried (updates carry whole figures, so the merge is exact), with the
 * id of the newest: a screen holds the latest of what it shows, not a queue. Merges are made by the
 * feed ({@code merger}), which makes each once for every screen that waits for the same updates.
 */
final class Screen {

    /**
     * An update or a heartbeat as sent, from sequence {@code first} to {@code sequence} (the same
     * for one update; a merge spans several), with the message it encodes (null for a heartbeat).
     */
    record Frame(long first, long sequence, ScreenMessage message, Event<String> event) {

        Frame(long sequence, ScreenMessage message, Event<String> event) {
            this(sequence, sequence, message, event);
        }

        boolean heartbeat() {
            return message == null;
        }
    }

    private final int limit;
    private final Function<List<Frame>, Frame> merger;
    private final ArrayDeque<Frame> waiting = new ArrayDeque<>();
    private FluxSink<Event<String>> sink;
    private long merges;

    Screen(int limit, Function<List<Frame>, Frame> merger) {
        this.limit = limit;
        this.merger = merger;
    }

    /** The frames, as fast as the screen's connection takes them; what waits before it subscribes is kept. */
    Flux<Event<String>> frames() {
        return Flux.create(created -> {
            synchronized (this) {
                sink = created;
            }
            created.onRequest(demand -> drain());
            drain();
        });
    }

    void offer(Frame frame) {
        synchronized (this) {
            if (frame.heartbeat() && !waiting.isEmpty()) {
                return;   // a heartbeat only says the line is alive: anything waiting says it better
            }
            waiting.addLast(frame);
            if (waiting.size() > limit) {
                mergeWaiting();
            }
        }
        drain();
    }

    private void mergeWaiting() {
        List<Frame> updates = waiting.stream().filter(frame -> !frame.heartbeat()).toList();
        waiting.clear();
        if (!updates.isEmpty()) {
            waiting.add(updates.size() == 1 ? updates.get(0) : merger.apply(updates));
        }
        merges++;
    }

    private synchronized void drain() {
        while (sink != null && sink.requestedFromDownstream() > 0 && !waiting.isEmpty() && !sink.isCancelled()) {
            sink.next(waiting.pollFirst().event());
        }
    }
    /** How many times this screen's waiting updates were merged because it read slower than they came. */
    synchronized long merges() {
        return merges;
    }

    void complete() {
        FluxSink<Event<String>> current;
        synchronized (this) {
            current = sink;
        }
        if (current != null) {
            current.complete();
        }
    }
}
