package pulse.server.push;

import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

/**
 * One connected screen and the frames it has yet to take. A screen is never dropped for being
 * slow: whatever waited for it goes out as one update when its connection can take one, holding
 * the latest of everything the waiting updates carried (updates carry whole figures, so the merge
 * is exact), with the id of the newest: a screen gets the latest of what it shows, not a queue.
 * Merging when the connection is ready, not when an update arrives, makes one merge per frame
 * written, however many updates came meanwhile; the feed ({@code merger}) makes each once for every
 * screen that waits for the same updates. Beyond {@code limit} waiting updates they are merged at
 * once, so a screen that reads nothing holds one update, not the whole day.
 */
final class Screen {

    /**
     * An update or a heartbeat as sent, from sequence {@code first} to {@code sequence} (the same
     * for one update; a merge spans several), with the message it encodes (null for a heartbeat).
     */
    record Frame(long first, long sequence, ScreenMessage message, EncodedEvent event) {

        Frame(long sequence, ScreenMessage message, EncodedEvent event) {
            this(sequence, sequence, message, event);
        }

        boolean heartbeat() {
            return message == null;
        }
    }

    private final int limit;
    private final Function<List<Frame>, Frame> merger;
    private final ArrayDeque<Frame> waiting = new ArrayDeque<>();
    private FluxSink<EncodedEvent> sink;
    private long merges;
    /** The sequence of the newest update this screen was given. */
    private long newest;

    Screen(int limit, Function<List<Frame>, Frame> merger) {
        this.limit = limit;
        this.merger = merger;
    }

    /** The frames, as fast as the screen's connection takes them; what waits before it subscribes is kept. */
    Flux<EncodedEvent> frames() {
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
            if (!frame.heartbeat()) {
                if (frame.sequence() <= newest) {
                    return;   // already given: a screen that connects while an update goes out may be offered it twice
                }
                newest = frame.sequence();
            }
            waiting.addLast(frame);
            if (waiting.size() > limit) {
                waiting.addFirst(mergeWaiting());
            }
        }
        drain();
    }

    /** Everything waiting as one frame (taken off the queue): an update, or a heartbeat when only those waited. */
    private Frame mergeWaiting() {
        List<Frame> updates = waiting.stream().filter(frame -> !frame.heartbeat()).toList();
        Frame last = waiting.peekLast();
        waiting.clear();
        if (updates.isEmpty()) {
            return last;
        }
        if (updates.size() == 1) {
            return updates.get(0);
        }
        merges++;
        return merger.apply(updates);
    }

    private synchronized void drain() {
        while (sink != null && sink.requestedFromDownstream() > 0 && !waiting.isEmpty() && !sink.isCancelled()) {
            sink.next((waiting.size() == 1 ? waiting.pollFirst() : mergeWaiting()).event());
        }
    }
    /** How many times this screen's waiting updates were merged because it read slower than they came. */
    synchronized long merges() {
        return merges;
    }

    void complete() {
        FluxSink<EncodedEvent> current;
        synchronized (this) {
            current = sink;
        }
        if (current != null) {
            current.complete();
        }
    }
}
