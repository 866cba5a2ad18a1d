package pulse.server.push;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.micronaut.http.sse.Event;
import java.util.ArrayDeque;
import java.util.function.BiFunction;
import pulse.model.PulseJson;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

/**
 * One connected screen and the frames it has yet to take. A screen is never dropped for being
 * slow: when more than {@code limit} updates wait for it, they are merged into one that holds the
 * latest of everything they carried (updates carry whole figures, so the merge is exact), with the
 * id of the newest. A screen that keeps up gets the very frames every other screen gets, encoded
 * once; only a screen that fell behind costs an encoding of its own.
 */
final class Screen {

    /**
     * An update or a heartbeat as sent: only its encoded form is kept (the replay log holds many);
     * the rare merge reads the updates back.
     */
    record Frame(long sequence, Event<String> event) {

        boolean heartbeat() {
            return "heartbeat".equals(event.getName());
        }

        ScreenMessage message() {
            try {
                return PulseJson.mapper().readValue(event.getData(), ScreenMessage.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot read back update " + sequence, e);
            }
        }
    }

    private final int limit;
    private final BiFunction<ScreenMessage, Long, Event<String>> encoder;
    private final ArrayDeque<Frame> waiting = new ArrayDeque<>();
    private FluxSink<Event<String>> sink;
    private long merges;

    Screen(int limit, BiFunction<ScreenMessage, Long, Event<String>> encoder) {
        this.limit = limit;
        this.encoder = encoder;
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
        ScreenMessage merged = null;
        long newest = 0;
        for (Frame frame : waiting) {
            if (!frame.heartbeat()) {
                merged = merged == null ? frame.message() : merged.followedBy(frame.message());
                newest = frame.sequence();
            }
        }
        waiting.clear();
        if (merged != null) {
            waiting.add(new Frame(newest, encoder.apply(merged, newest)));
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
