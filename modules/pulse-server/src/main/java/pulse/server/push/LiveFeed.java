package pulse.server.push;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import pulse.model.PulseJson;
import pulse.model.Totals;
import pulse.rules.RuleSettings;
import pulse.server.PulseClock;
import pulse.server.kafka.KafkaBacked;
import pulse.topology.Dimension;
import pulse.topology.GroupKey;
import pulse.topology.ProjectSummary;
import pulse.topology.Standings;
import pulse.topology.Tally;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Fans the topology's output out to every connected screen. Changes read from Kafka
 * ({@link OutputReader}) are gathered for a short window and sent as one update, encoded once for
 * every screen, so a burst of reports is a few updates a second, not one per event. Each update has
 * an id ({@code <epoch>-<sequence>}); the last ones are kept so a screen that reconnects with
 * {@code Last-Event-ID} gets exactly what it missed, or a fresh snapshot when the id is too old
 * or from before a restart. A screen that cannot keep up is not dropped: the updates waiting for
 * it are merged into one ({@link Screen}).
 */
@Context
@KafkaBacked
public class LiveFeed {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LiveFeed.class);

    private static final int RECENT_REPORTS = 30;
    /** An update carries at most this many reports (the latest): the ticker shows a dozen. */
    static final int MAX_REPORTS_PER_UPDATE = 12;

    private final String epoch = Long.toString(System.currentTimeMillis(), 36);
    private final AtomicLong sequence = new AtomicLong();
    private final Deque<Screen.Frame> replay = new ArrayDeque<>();
    /** What the replay log may hold, in bytes of encoded updates. */
    static final long REPLAY_BYTES = 16L * 1024 * 1024;
    private long replayBytes;
    private static final EncodedEvent HEARTBEAT = EncodedEvent.of(null, "heartbeat", "{}");
    private final List<Screen> screens = new CopyOnWriteArrayList<>();
    /**
     * Changed groups, each with where its totals are read: read and turned into what the screen
     * shows when an update is sent, once however often the group moved since the last one.
     */
    private final Map<GroupKey, Function<GroupKey, Tally>> pendingTotals = new LinkedHashMap<>();
    private final List<Report> pendingReports = new ArrayList<>();
    private boolean warningsMoved;
    private Long pendingDeadLetters;
    private final Deque<Report> recentReports = new ArrayDeque<>();
    /** The red and yellow projects by plan year: the live year's and the one before (late corrections). */
    private final Map<Integer, CountyWarnings> warnings = new HashMap<>();
    /** Merged updates by the range of updates they hold, made once for every screen that waits for them. */
    private final Map<String, Screen.Frame> merged = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Screen.Frame> eldest) {
            return size() > 16;
        }
    };
    private final SnapshotSource snapshots;
    private final RuleSettings rules;
    private final int clientBuffer;
    private final int replayBuffer;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "pulse-feed");
        thread.setDaemon(true);
        return thread;
    });
    /** Reads the words of warnings brought from the whole year ({@link #readWordsLater}), one at a time. */
    private final ExecutorService wordsReader = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "pulse-warning-words");
        thread.setDaemon(true);
        return thread;
    });
    private SharedSnapshot shared;
    private final long coalesceNanos;
    /** An update is due on the timer: changes that come meanwhile go out with it. */
    private boolean flushScheduled;
    private final PulseClock clock;
    private final long heartbeatSeconds;
    private long lastSentNanos = System.nanoTime() - TimeUnit.HOURS.toNanos(1);

    LiveFeed(SnapshotSource snapshots, RuleSettings rules, PulseClock clock,
            @Value("${pulse.push.coalesce-ms:100}") long coalesceMs,
            @Value("${pulse.push.heartbeat-seconds:15}") long heartbeatSeconds,
            @Value("${pulse.push.client-buffer:64}") int clientBuffer,
            @Value("${pulse.push.replay-buffer:1024}") int replayBuffer) {
        this.snapshots = snapshots;
        this.rules = rules;
        this.clock = clock;
        this.heartbeatSeconds = heartbeatSeconds;
        this.clientBuffer = clientBuffer;
        this.replayBuffer = replayBuffer;
        this.coalesceNanos = TimeUnit.MILLISECONDS.toNanos(coalesceMs);
        timer.scheduleWithFixedDelay(this::heartbeat, heartbeatSeconds, heartbeatSeconds, TimeUnit.SECONDS);
    }

    /** A screen's stream: what it missed since {@code lastEventId} if that can be told, else a snapshot; then live. */
    public Flux<EncodedEvent> subscribe(String lastEventId) {
        Screen screen = new Screen(clientBuffer, this::merge);
        Mono<EncodedEvent> snapshot = null;
        synchronized (this) {
            List<Screen.Frame> missed = missedSince(lastEventId);
            if (missed == null) {
                snapshot = sharedSnapshot(screen);
            } else {
                missed.forEach(screen::offer);
            }
            screens.add(screen);
        }
        Flux<EncodedEvent> live = screen.frames();
        if (snapshot != null) {
            live = Flux.concat(snapshot.onErrorResume(error -> Mono.just(EncodedEvent.of(null, "unavailable",
                    json(Map.of("message", String.valueOf(error.getMessage()))), 1000))), live);
        }
        return live.doFinally(signal -> screens.remove(screen));
    }

    /** The plan year the live channel follows: the year of today. */
    public int liveYear() {
        return clock.today().getYear();
    }

    /**
     * A screen showing another year than the live one: that year's snapshot, then heartbeats. Only
     * the live year is pushed change by change; a past year moves only by late corrections.
     */
    public Flux<EncodedEvent> otherYear(int year) {
        Mono<EncodedEvent> snapshot = Mono.fromCallable(() -> event(snapshots.snapshot(year, List.of()), sequence.get()))
                .subscribeOn(Schedulers.boundedElastic());
        return Flux.concat(snapshot, Flux.interval(Duration.ofSeconds(heartbeatSeconds))
                .map(tick -> HEARTBEAT));
    }

    /**
     * The snapshot for a screen that connects, read after it is registered: a change racing it
     * arrives as an update too, and updates carry whole figures, so applying one twice changes
     * nothing. Screens connecting while a read is under way, or within one coalescing window of its
     * start, share it (a snapshot is costly: it reads every project; under load a read outlasted
     * the window, and a thousand screens started reads of their own until the heap ran out); a
     * later one also gets, queued before anything live, the updates sent since that read began, so
     * it misses nothing the shared snapshot could lack.
     */
    private Mono<EncodedEvent> sharedSnapshot(Screen screen) {
        long now = System.nanoTime();
        SharedSnapshot current = shared;
        boolean joinable = current != null && (!current.done().get() || now - current.startedNanos() <= coalesceNanos);
        List<Screen.Frame> since = joinable ? missedAfter(current.at()) : null;
        if (since != null) {
            since.forEach(screen::offer);
            return current.event();
        }
        long at = sequence.get();
        AtomicBoolean done = new AtomicBoolean();
        Mono<EncodedEvent> read = Mono.fromCallable(() -> event(snapshots.snapshot(liveYear(), recentReports()), at))
                .subscribeOn(Schedulers.boundedElastic()).doFinally(signal -> done.set(true)).cache();
        shared = new SharedSnapshot(at, now, done, read);
        return read;
    }

    private record SharedSnapshot(long at, long startedNanos, AtomicBoolean done, Mono<EncodedEvent> event) {}

    /** The updates after {@code lastEventId}, or null when they are not all here (unknown, old, or another epoch). */
    private List<Screen.Frame> missedSince(String lastEventId) {
        if (lastEventId == null || !lastEventId.startsWith(epoch + "-")) {
            return null;
        }
        long last;
        try {
            last = Long.parseLong(lastEventId.substring(epoch.length() + 1));
        } catch (NumberFormatException e) {
            return null;
        }
        return missedAfter(last);
    }

    /** The updates after sequence number {@code last}, or null when they are not all kept any more. */
    private List<Screen.Frame> missedAfter(long last) {
        long oldestKept = replay.isEmpty() ? sequence.get() + 1 : replay.peekFirst().sequence();
        if (last > sequence.get() || last < oldestKept - 1) {
            return null;
        }
        return replay.stream().filter(sent -> sent.sequence() > last).toList();
    }

    /**
     * A group's totals changed; {@code current} reads them (null: it has no project left) when the
     * next update is made. The screen shows the county's and the work areas' totals and the units'
     * ranking rows of the live year; townships and levels stay in the API. (Copying a group's totals
     * at every change took a quarter of what the reader of {@code pulse.projects} allocated during a
     * catch-up, for updates that go out ten times a second.)
     */
    void totalsChanged(GroupKey group, Function<GroupKey, Tally> current) {
        Dimension dimension = group.dimension();
        if (group.year() != liveYear()
                || (dimension != Dimension.COUNTY && dimension != Dimension.AREA && dimension != Dimension.UNIT)) {
            return;
        }
        synchronized (this) {
            pendingTotals.put(group, current);
            flushSoon();
        }
    }

    /** A project's summary: the county's warnings list on the screen moves when it enters, leaves or moves within it. */
    void projectChanged(ProjectSummary project) {
        int live = liveYear();
        if (project.year() < live - 1 || project.year() > live) {
            return;
        }
        synchronized (this) {
            CountyWarnings ofYear = warnings.get(project.year());
            if (ofYear == null) {   // a new plan year: the one before last is no longer followed
                warnings.keySet().removeIf(year -> year < live - 1);
                int year = project.year();
                ofYear = new CountyWarnings(projectId -> readWordsLater(year, projectId));
                warnings.put(year, ofYear);
            }
            boolean moved = ofYear.apply(project);
            warningsMoved |= moved && project.year() == live;
            if (warningsMoved) {
                flushSoon();
            }
        }
    }

    /**
     * Reads what a warning brought among those shown from the whole year shows, on a thread of its
     * own, and hands it to the year's list when it comes: on another instance the read is an HTTP
     * call, which on the reader's thread, under this feed's lock, held up every screen's updates.
     * The warning shows its place until then.
     */
    private void readWordsLater(int year, String projectId) {
        wordsReader.execute(() -> {
            CountyWarnings.Shown shown = snapshots.shown(year, projectId);
            if (shown != null) {
                synchronized (this) {
                    CountyWarnings ofYear = warnings.get(year);
                    if (ofYear != null && ofYear.wordsRead(projectId, shown) && year == liveYear()) {
                        warningsMoved = true;
                        flushSoon();
                    }
                }
            }
        });
    }

    void deadLettersCounted(long count) {
        synchronized (this) {
            pendingDeadLetters = count;
            flushSoon();
        }
    }

    void reported(Report report) {
        synchronized (this) {
            pendingReports.add(report);
            if (pendingReports.size() > MAX_REPORTS_PER_UPDATE) {
                pendingReports.remove(0);
            }
            recentReports.addFirst(report);
            while (recentReports.size() > RECENT_REPORTS) {
                recentReports.removeLast();
            }
            flushSoon();
        }
    }

    private synchronized List<Report> recentReports() {
        return List.copyOf(recentReports);
    }

    /**
     * Under the feed's lock, for a change now pending: the update that carries it goes out at once
     * after a quiet spell, else as soon as the coalescing window since the last update has passed,
     * so a burst is a few updates a second. Timed to the change, not to a periodic tick, which
     * added up to a tick to every change's way to the screen.
     */
    private void flushSoon() {
        if (!flushScheduled) {
            flushScheduled = true;
            long wait = lastSentNanos + coalesceNanos - System.nanoTime();
            try {
                timer.schedule(this::flush, Math.max(0, wait), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException closing) {
                // the server is stopping: the screens are being closed, nothing more goes out
            }
        }
    }

    /**
     * Sends what gathered as one update. The update is made under the feed's lock and handed to the
     * screens outside it, so a screen's connection thread merging what waited for it never waits for
     * the loop over a thousand screens.
     */
    private void flush() {
        try {
            Screen.Frame frame = nextFrame();
            if (frame != null) {
                for (Screen screen : screens) {
                    screen.offer(frame);
                }
            }
        } catch (RuntimeException e) {
            LOG.error("Could not send an update to the screens", e);
        }
    }

    private synchronized Screen.Frame nextFrame() {
        flushScheduled = false;
        boolean nothing = pendingTotals.isEmpty() && !warningsMoved && pendingReports.isEmpty()
                && pendingDeadLetters == null;
        if (nothing) {
            return null;
        }
        if (System.nanoTime() - lastSentNanos < coalesceNanos) {
            flushSoon();
            return null;
        }
        lastSentNanos = System.nanoTime();
        Map<String, Totals> totals = new LinkedHashMap<>();
        Map<String, UnitLine> ranking = new LinkedHashMap<>();
        pendingTotals.forEach((group, current) -> {
            Tally tally = current.apply(group);
            if (group.dimension() == Dimension.UNIT) {
                ranking.put(group.key(), tally == null || tally.projects() == 0 ? null
                        : UnitLine.of(Standings.standing(group.key(), tally, rules)));
            } else if (tally != null) {
                totals.put(group.dimension().path() + "/" + group.key(), tally.toTotals(group.key(), false, rules));
            }
        });
        CountyWarnings live = warnings.get(liveYear());
        ScreenMessage update = ScreenMessage.update(totals, ranking,
                warningsMoved && live != null ? live.shown() : null, List.copyOf(pendingReports), pendingDeadLetters);
        pendingDeadLetters = null;
        pendingTotals.clear();
        warningsMoved = false;
        pendingReports.clear();
        long next = sequence.incrementAndGet();
        Screen.Frame frame = new Screen.Frame(next, update, event(update, next));
        replay.addLast(frame);
        replayBytes += frame.event().bytes().length;
        // At most replay-buffer updates, and at most REPLAY_BYTES of them: under a province's load an
        // update carries hundreds of units' rows, and a thousand of them would be tens of MB.
        while (replay.size() > replayBuffer || replayBytes > REPLAY_BYTES && replay.size() > 1) {
            replayBytes -= replay.removeFirst().event().bytes().length;
        }
        return frame;
    }

    private void heartbeat() {
        Screen.Frame beat = new Screen.Frame(sequence.get(), null, HEARTBEAT);
        for (Screen screen : screens) {
            screen.offer(beat);
        }
    }

    public long updatesSent() {
        return sequence.get();
    }

    public int connectedScreens() {
        return screens.size();
    }

    /** How many times a screen's waiting updates were merged because it read slower than they came, over the connected screens. */
    public long merges() {
        return screens.stream().mapToLong(Screen::merges).sum();
    }

    /** The waiting updates as one, each range made once whichever screens wait for it. */
    private Screen.Frame merge(List<Screen.Frame> updates) {
        long first = updates.get(0).first();
        long last = updates.get(updates.size() - 1).sequence();
        synchronized (merged) {
            return merged.computeIfAbsent(first + "-" + last, range -> {
                ScreenMessage message = updates.get(0).message();
                for (Screen.Frame later : updates.subList(1, updates.size())) {
                    message = message.followedBy(later.message());
                }
                return new Screen.Frame(first, last, message, event(message, last));
            });
        }
    }

    /** Encoded once, whichever screens it goes to. */
    private EncodedEvent event(ScreenMessage message, long at) {
        return EncodedEvent.of(epoch + "-" + at, message.kind(), json(message));
    }

    private static String json(Object message) {
        try {
            return PulseJson.mapper().writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a screen message", e);
        }
    }

    @PreDestroy
    void close() {
        timer.shutdownNow();
        wordsReader.shutdownNow();
        screens.forEach(Screen::complete);
    }
}
