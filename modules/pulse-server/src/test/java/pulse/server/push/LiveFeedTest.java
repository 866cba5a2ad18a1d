package pulse.server.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import java.util.Map;
import pulse.model.Grade;
import pulse.model.Level;
import pulse.model.Light;
import pulse.model.ProjectStatus;
import pulse.model.Text;
import pulse.model.Totals;
import pulse.model.Warning;
import pulse.model.WorkArea;
import pulse.topology.Dimension;
import pulse.topology.GroupKey;
import pulse.topology.ProjectSummary;
import pulse.topology.Tally;
import pulse.rules.RuleSettings;
import pulse.server.PulseClock;
import reactor.core.publisher.BaseSubscriber;

/** The feed's own behaviour, without Kafka: coalescing, resuming, and merging what waits for a screen that does not read. */
class LiveFeedTest {

    private static final Totals EMPTY = new Totals("全县", 0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
            BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
            new Totals.Lights(0, 0, 0), null);
    private static final SnapshotSource SNAPSHOT = snapshots(
            (year, reports) -> ScreenMessage.snapshot(year, EMPTY, List.of(), Map.of(), List.of(), List.of(), reports, 0));

    /** Snapshots as {@code snapshot} makes them; no project's view can be read (these tests keep few warnings). */
    private static SnapshotSource snapshots(java.util.function.BiFunction<Integer, List<Report>, ScreenMessage> snapshot) {
        return new SnapshotSource() {
            @Override
            public ScreenMessage snapshot(int year, List<Report> reports) {
                return snapshot.apply(year, reports);
            }

            @Override
            public CountyWarnings.Shown shown(int year, String projectId) {
                return null;
            }
        };
    }
    private static final PulseClock CLOCK = new PulseClock(java.time.Clock.systemUTC());

    private final LiveFeed feed = new LiveFeed(SNAPSHOT, RuleSettings.DEFAULTS, CLOCK, 50, 60, 4, 16);

    @AfterEach
    void close() {
        feed.close();
    }

    private static Report report(int i) {
        return new Report("P" + i, "项目" + i, "县住建局", "2022-05", BigDecimal.valueOf(i), null, Instant.EPOCH);
    }

    private static List<EncodedEvent> collect(reactor.core.publisher.Flux<EncodedEvent> flux) {
        List<EncodedEvent> received = new CopyOnWriteArrayList<>();
        flux.subscribe(received::add);
        return received;
    }

    @Test
    void shouldSendASnapshotFirstThenABurstAsAFewUpdates() {
        List<EncodedEvent> received = collect(feed.subscribe(null));
        await().until(() -> received.size() == 1);
        assertThat(received.get(0).name()).isEqualTo("snapshot");

        for (int i = 0; i < 100; i++) {
            feed.reported(report(i));
        }

        // the burst goes out at once and whatever follows within the window in one more update at most
        await().atMost(Duration.ofSeconds(5)).until(() -> received.size() >= 2);
        await().during(Duration.ofMillis(300)).until(() -> received.size() <= 3);
        EncodedEvent last = received.get(received.size() - 1);
        assertThat(last.name()).isEqualTo("update");
        // with the latest reports only: a screen's ticker shows a dozen
        assertThat(last.data()).contains("\"projectId\":\"P99\"").doesNotContain("\"projectId\":\"P0\"");
    }

    @Test
    void shouldResumeAfterTheLastSeenIdAndSnapshotForAnUnknownOne() {
        List<EncodedEvent> first = collect(feed.subscribe(null));
        feed.reported(report(1));
        await().until(() -> first.size() == 2);
        String seen = first.get(1).id();
        feed.reported(report(2));
        feed.reported(report(3));
        // in one update or two: the first change after a quiet spell goes out at once
        await().until(() -> first.get(first.size() - 1).data().contains("\"P3\""));

        List<EncodedEvent> resumed = collect(feed.subscribe(seen));
        await().until(() -> !resumed.isEmpty() && resumed.get(resumed.size() - 1).data().contains("\"P3\""));
        assertThat(resumed).allSatisfy(missed -> assertThat(missed.name()).isEqualTo("update"));
        assertThat(resumed.stream().map(EncodedEvent::data).collect(java.util.stream.Collectors.joining()))
                .contains("\"P2\"").contains("\"P3\"").doesNotContain("\"P1\"");

        List<EncodedEvent> stranger = collect(feed.subscribe("another-epoch-7"));
        await().until(() -> stranger.size() == 1);
        assertThat(stranger.get(0).name()).isEqualTo("snapshot");
    }

    @Test
    void shouldShareOneSnapshotReadBetweenScreensConnectingTogetherAndGiveTheLaterOneWhatCameSince() {
        java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        LiveFeed slowWindow = new LiveFeed(snapshots((year, reports) -> {
            reads.incrementAndGet();
            return SNAPSHOT.snapshot(year, reports);
        }), RuleSettings.DEFAULTS, CLOCK, 60_000, 60, 4, 16);
        try {
            List<EncodedEvent> first = collect(slowWindow.subscribe(null));
            await().until(() -> first.size() == 1);
            slowWindow.reported(report(1));   // after a quiet spell: sent at once
            await().until(() -> first.size() == 2);

            List<EncodedEvent> second = collect(slowWindow.subscribe(null));

            await().until(() -> second.size() == 2);
            assertThat(reads.get()).isEqualTo(1);
            assertThat(second.get(0).name()).isEqualTo("snapshot");
            assertThat(second.get(1).id()).isEqualTo(first.get(1).id());
            assertThat(second.get(1).data()).contains("\"P1\"");
        } finally {
            slowWindow.close();
        }
    }

    @Test
    void shouldShareASnapshotReadThatIsStillUnderWayWhateverTheWindow() throws Exception {
        java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.CountDownLatch slow = new java.util.concurrent.CountDownLatch(1);
        // No coalescing window at all: only the read being under way makes the second screen share it.
        LiveFeed noWindow = new LiveFeed(snapshots((year, reports) -> {
            reads.incrementAndGet();
            try {
                slow.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return SNAPSHOT.snapshot(year, reports);
        }), RuleSettings.DEFAULTS, CLOCK, 0, 60, 4, 16);
        try {
            List<EncodedEvent> first = collect(noWindow.subscribe(null));
            await().until(() -> reads.get() == 1);
            List<EncodedEvent> second = collect(noWindow.subscribe(null));
            slow.countDown();

            await().until(() -> first.size() == 1 && second.size() == 1);
            assertThat(reads.get()).isEqualTo(1);
            assertThat(second.get(0).name()).isEqualTo("snapshot");
        } finally {
            noWindow.close();
        }
    }

    @Test
    void shouldKeepAScreenThatDoesNotReadAndGiveItTheLatestOfEverythingOnceItDoes() {
        AtomicReference<Subscription> reading = new AtomicReference<>();
        List<EncodedEvent> received = new CopyOnWriteArrayList<>();
        AtomicReference<Boolean> ended = new AtomicReference<>(false);
        feed.subscribe(null).subscribe(new BaseSubscriber<>() {
            @Override
            protected void hookOnSubscribe(Subscription subscription) {
                reading.set(subscription);   // and reads nothing for now
            }

            @Override
            protected void hookOnNext(EncodedEvent event) {
                received.add(event);
            }

            @Override
            protected void hookOnComplete() {
                ended.set(true);
            }
        });

        for (int i = 1; i <= 10; i++) {     // more updates than the 4 that may wait for a screen
            feed.reported(report(i));
            long sent = i;
            await().atMost(Duration.ofSeconds(2)).until(() -> feed.updatesSent() == sent);
        }
        assertThat(feed.connectedScreens()).isEqualTo(1);
        assertThat(feed.merges()).isPositive();

        reading.get().request(Long.MAX_VALUE);

        await().until(() -> !received.isEmpty() && received.get(received.size() - 1).id() != null
                && received.get(received.size() - 1).id().endsWith("-10"));
        assertThat(received.size()).as("the snapshot and at most the 4 waiting updates").isLessThanOrEqualTo(5);
        String everything = String.join("\n", received.stream().map(EncodedEvent::data).toList());
        for (int i = 1; i <= 10; i++) {
            assertThat(everything).as("report " + i).contains("\"projectId\":\"P" + i + "\"");
        }
        assertThat(ended.get()).isFalse();
    }

    @Test
    void shouldMergeUpdatesIntoTheLatestFiguresOfEachGroupRowAndList() {
        Totals earlier = new Totals("URBAN", 1, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ONE, BigDecimal.ONE,
                BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, new Totals.Lights(1, 0, 0), null);
        Totals later = new Totals("URBAN", 1, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.TEN, BigDecimal.TEN,
                BigDecimal.TEN, BigDecimal.TEN, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, new Totals.Lights(1, 0, 0), null);
        UnitLine behind = new UnitLine(BigDecimal.ONE, new BigDecimal("0.1000"), new BigDecimal("0.2000"), Grade.FAILING);
        UnitLine ahead = new UnitLine(BigDecimal.TEN, new BigDecimal("1.0000"), new BigDecimal("2.0000"), Grade.EXCELLENT);
        List<Warning> redList = List.of(warning("P1", Light.RED, "-40.00"));
        ScreenMessage first = ScreenMessage.update(Map.of("area/URBAN", earlier, "county/全县", earlier),
                Map.of("县住建局", behind, "县水务局", behind), redList, List.of(report(1)), 3L);
        ScreenMessage second = ScreenMessage.update(Map.of("area/URBAN", later), Map.of("县住建局", ahead), null,
                List.of(report(2)), null);

        ScreenMessage merged = first.followedBy(second);

        assertThat(merged.totals()).containsEntry("area/URBAN", later).containsEntry("county/全县", earlier);
        assertThat(merged.ranking()).containsEntry("县住建局", ahead).containsEntry("县水务局", behind);
        assertThat(merged.warnings()).as("the list of the earlier one: the later did not move it").isEqualTo(redList);
        assertThat(merged.reports()).extracting(Report::projectId).containsExactly("P1", "P2");
        assertThat(merged.deadLetters()).isEqualTo(3L);
    }

    @Test
    void shouldSendUnitsAsRankingRowsAndTheCountysWarningsOnlyWhenTheyMove() {
        List<EncodedEvent> received = collect(feed.subscribe(null));
        await().until(() -> received.size() == 1);
        int year = feed.liveYear();

        feed.totalsChanged(new GroupKey(year, Dimension.UNIT, "县住建局"), group -> null);      // its last project left
        feed.totalsChanged(GroupKey.county(year), group -> Tally.zero());
        feed.totalsChanged(new GroupKey(year, Dimension.TOWNSHIP, "玉泉镇"), group -> Tally.zero());   // not on the screen
        feed.projectChanged(summary("P1", year, Light.RED, "-40.00"));

        // (the first change may go out at once, the others in the next update)
        await().until(() -> updates(received).contains("\"warnings\":[{\"projectId\":\"P1\""));
        assertThat(updates(received)).contains("\"ranking\":{\"县住建局\":null}").contains("\"county/全县\":{")
                .doesNotContain("township/");

        long sent = feed.updatesSent();
        feed.projectChanged(summary("P1", year, Light.RED, "-40.00"));          // the same again: nothing moved
        feed.projectChanged(summary("P2", year, Light.GREEN, "0.00"));          // green: on no list
        feed.projectChanged(summary("P3", year - 5, Light.RED, "-90.00"));      // another year
        await().during(Duration.ofMillis(200)).until(() -> feed.updatesSent() == sent);
    }

    /**
     * A warning brought among the eight from outside the head has its words read from its view,
     * an HTTP call when a peer holds it: the reader and the screens do not wait for it.
     */
    @Test
    void shouldKeepSendingUpdatesWhileAWarningsWordsAreRead() throws Exception {
        java.util.concurrent.CountDownLatch peerAnswers = new java.util.concurrent.CountDownLatch(1);
        LiveFeed slowPeer = new LiveFeed(new SnapshotSource() {
            @Override
            public ScreenMessage snapshot(int year, List<Report> reports) {
                return SNAPSHOT.snapshot(year, reports);
            }

            @Override
            public CountyWarnings.Shown shown(int year, String projectId) {
                try {
                    peerAnswers.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new CountyWarnings.Shown("项目" + projectId, "县住建局", "玉泉镇", WorkArea.URBAN,
                        List.of(Text.of("reason.asWritten", "视图的原因", "the view's reason")));
            }
        }, RuleSettings.DEFAULTS, CLOCK, 50, 60, 64, 128);
        try {
            List<EncodedEvent> received = collect(slowPeer.subscribe(null));
            await().until(() -> received.size() == 1);
            int year = slowPeer.liveYear();
            // (in a thread of its own, so that a reader made to wait for the peer fails the test, not hangs it)
            org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                int count = CountyWarnings.HEAD + 44;
                for (int i = 1; i <= count; i++) {   // worst first: the last 44 come after a full head, their words not kept
                    slowPeer.projectChanged(summary(String.format("P%03d", i), year, Light.RED, "-" + (400 - i) + ".00"));
                }
                for (int i = 1; i <= CountyWarnings.HEAD - 6; i++) {   // the head drains, is filled from the whole year
                    slowPeer.projectChanged(summary(String.format("P%03d", i), year, Light.GREEN, "0.00"));
                }
            }, "the reader waited for a warning's words");

            await().until(() -> updates(received).contains("{\"projectId\":\"P258\",\"name\":\"P258\""));
            slowPeer.reported(report(1));
            await("updates go on while the words are read").until(() -> updates(received).contains("\"reports\":[{"));

            peerAnswers.countDown();
            await().until(() -> updates(received).contains("{\"projectId\":\"P258\",\"name\":\"项目P258\""));
            assertThat(updates(received)).contains("视图的原因");
        } finally {
            peerAnswers.countDown();
            slowPeer.close();
        }
    }

    @Test
    void shouldMergeOnceForEveryScreenThatWaitsForTheSameUpdates() {
        List<AtomicReference<Subscription>> readers = new java.util.ArrayList<>();
        List<List<EncodedEvent>> screens = new java.util.ArrayList<>();
        for (int s = 0; s < 3; s++) {
            List<EncodedEvent> received = new CopyOnWriteArrayList<>();
            readers.add(readingOnlyTheSnapshot(feed, received));
            screens.add(received);
        }
        await().until(() -> screens.stream().allMatch(received -> received.size() == 1));
        for (int i = 1; i <= 10; i++) {
            feed.reported(report(i));
            long sent = i;
            await().atMost(Duration.ofSeconds(2)).until(() -> feed.updatesSent() == sent);
        }
        readers.forEach(reader -> reader.get().request(Long.MAX_VALUE));

        await().until(() -> screens.stream().allMatch(received -> received.size() >= 2
                && received.get(received.size() - 1).id().endsWith("-10")));
        EncodedEvent newest = screens.get(0).get(screens.get(0).size() - 1);
        for (List<EncodedEvent> received : screens) {
            assertThat(received.get(received.size() - 1)).as("the very same merged frame").isSameAs(newest);
        }
    }

    @Test
    void shouldMergeWhatWaitedOnlyWhenTheScreenCanTakeAFrame() {
        LiveFeed roomy = new LiveFeed(SNAPSHOT, RuleSettings.DEFAULTS, CLOCK, 5, 60, 64, 128);
        try {
            List<EncodedEvent> received = new CopyOnWriteArrayList<>();
            AtomicReference<Subscription> reader = readingOnlyTheSnapshot(roomy, received);
            await().until(() -> received.size() == 1);
            for (int i = 1; i <= 10; i++) {
                roomy.reported(report(i));
                long sent = i;
                await().atMost(Duration.ofSeconds(2)).until(() -> roomy.updatesSent() == sent);
            }
            assertThat(roomy.merges()).as("nothing merged while the screen could take nothing").isZero();

            reader.get().request(Long.MAX_VALUE);

            await().until(() -> received.size() == 2);
            assertThat(received.get(1).id()).endsWith("-10");
            assertThat(received.get(1).data()).contains("\"P1\"").contains("\"P10\"");
            assertThat(roomy.merges()).isEqualTo(1);
        } finally {
            roomy.close();
        }
    }

    /** A screen that takes its snapshot into {@code received} and then nothing, until its subscription asks for more. */
    private static AtomicReference<Subscription> readingOnlyTheSnapshot(LiveFeed feed, List<EncodedEvent> received) {
        AtomicReference<Subscription> reader = new AtomicReference<>();
        feed.subscribe(null).subscribe(new BaseSubscriber<EncodedEvent>() {
            @Override
            protected void hookOnSubscribe(Subscription subscription) {
                reader.set(subscription);
                subscription.request(1);
            }

            @Override
            protected void hookOnNext(EncodedEvent event) {
                received.add(event);
            }
        });
        return reader;
    }

    private static String updates(List<EncodedEvent> received) {
        return String.join("\n", received.subList(1, received.size()).stream().map(EncodedEvent::data).toList());
    }

    private static Warning warning(String projectId, Light light, String deviation) {
        return new Warning(projectId, projectId, "县住建局", "玉泉镇", WorkArea.URBAN, light, new BigDecimal(deviation),
                List.of(), List.of());
    }

    static ProjectSummary summary(String projectId, int year, Light light, String deviation) {
        return new ProjectSummary(projectId, year, "项目" + projectId, "县住建局", "玉泉镇", WorkArea.URBAN, Level.COUNTY,
                ProjectStatus.UNDER_CONSTRUCTION, light, new BigDecimal(deviation), BigDecimal.ZERO,
                List.of(Text.of("reason.asWritten", "落后", "behind")), Tally.zero());
    }
}
