package pulse.server.push;

import static org.assertj.core.api.Assertions.assertThat;
import static pulse.server.push.LiveFeedTest.summary;

import java.util.List;
import org.junit.jupiter.api.Test;
import pulse.topology.ProjectSummary;
import pulse.model.Light;
import pulse.model.Text;
import pulse.model.Warning;

class CountyWarningsTest {

    /** Every warning here fits in the head, where summaries bring what a warning shows: nothing is read. */
    private final CountyWarnings warnings = new CountyWarnings(projectId -> {
        throw new AssertionError("read the view of " + projectId);
    });

    /** A list whose words are given back as soon as they are asked for, from {@code words} (none for null). */
    private static CountyWarnings answering(java.util.function.Function<String, CountyWarnings.Shown> words, int headSize) {
        CountyWarnings[] list = new CountyWarnings[1];
        list[0] = new CountyWarnings(projectId -> {
            CountyWarnings.Shown shown = words.apply(projectId);
            if (shown != null) {
                list[0].wordsRead(projectId, shown);
            }
        }, headSize);
        return list[0];
    }

    private boolean apply(String projectId, Light light, String deviation) {
        return warnings.apply(summary(projectId, 2022, light, deviation));
    }

    @Test
    void shouldListRedBeforeYellowAndTheFurthestBehindFirstEightAtMost() {
        for (int i = 1; i <= 10; i++) {
            assertThat(apply("R" + i, Light.RED, "-" + (10 + i) + ".00")).as("R" + i + " enters the list").isTrue();
        }
        assertThat(apply("Y1", Light.YELLOW, "-99.00")).as("a yellow after ten reds is not shown").isFalse();

        assertThat(warnings.shown()).extracting(Warning::projectId)
                .containsExactly("R10", "R9", "R8", "R7", "R6", "R5", "R4", "R3");
        assertThat(warnings.size()).isEqualTo(11);
    }

    @Test
    void shouldTellWhenTheShownListMovesAndOnlyThen() {
        for (int i = 1; i <= 10; i++) {
            apply("R" + i, Light.RED, "-" + (10 + i) + ".00");
        }
        assertThat(apply("R1", Light.RED, "-10.50")).as("the 10th moves, still 10th").isFalse();
        assertThat(apply("R10", Light.RED, "-25.00")).as("the worst moves within the list").isTrue();
        assertThat(apply("R10", Light.RED, "-25.00")).as("no change at all").isFalse();
        assertThat(apply("R9", Light.GREEN, "0.00")).as("a shown one turns green and leaves").isTrue();
        assertThat(warnings.shown()).extracting(Warning::projectId).startsWith("R10", "R8").endsWith("R2");
        assertThat(apply("R9", Light.GREEN, "1.00")).as("green, and green before").isFalse();
        assertThat(apply("R1", Light.RED, "-50.00")).as("the last enters at the top").isTrue();
        assertThat(warnings.shown().get(0).projectId()).isEqualTo("R1");
    }

    /**
     * Against the list made the plain way (every warning sorted, the first eight), over random
     * summaries with many ties: the list shown, and whether apply said it moved.
     */
    @Test
    void shouldAlwaysShowWhatSortingEveryWarningWouldShow() {
        for (int headSize : new int[] {CountyWarnings.SHOWN, 12, CountyWarnings.HEAD}) {
            int reads = showWhatSortingShows(headSize);
            if (headSize == CountyWarnings.HEAD) {
                assertThat(reads).as("40 projects all fit in the head: no view read").isZero();
            } else {
                assertThat(reads).as("views read when the head was filled from the whole year, %d kept", headSize).isPositive();
            }
        }
    }

    /** The views read; each read answers the project's latest summary. */
    private static int showWhatSortingShows(int headSize) {
        java.util.Random random = new java.util.Random(2022);
        java.util.Map<String, ProjectSummary> latest = new java.util.HashMap<>();
        int[] reads = new int[1];
        CountyWarnings warnings = answering(projectId -> {
            reads[0]++;
            return CountyWarnings.Shown.of(latest.get(projectId), null);
        }, headSize);
        Light[] lights = {Light.RED, Light.YELLOW, Light.GREEN};
        List<Warning> before = List.of();
        for (int i = 0; i < 20_000; i++) {
            String id = "P" + random.nextInt(40);
            ProjectSummary summary = summary(id, 2022, lights[random.nextInt(3)], "-" + (10 + random.nextInt(6)) + ".00");
            if (random.nextInt(5) == 0) {
                summary = reworded(summary, "原因" + random.nextInt(3));
            }
            latest.put(id, summary);

            boolean moved = warnings.apply(summary);

            List<Warning> expected = latest.values().stream().filter(s -> s.light() != Light.GREEN)
                    .sorted(pulse.topology.Standings.WORST_SUMMARY_FIRST).limit(CountyWarnings.SHOWN)
                    .map(pulse.topology.Standings::warning).toList();
            assertThat(warnings.shown()).as("after summary %d, %d kept in order", i, headSize).isEqualTo(expected);
            assertThat(moved).as("whether summary %d moved the list, %d kept in order", i, headSize)
                    .isEqualTo(!expected.equals(before));
            before = expected;
        }
        return reads[0];
    }

    private static ProjectSummary reworded(ProjectSummary s, String reason) {
        return new ProjectSummary(s.projectId(), s.year(), s.name(), s.unitId(), s.township(), s.area(), s.level(),
                s.status(), s.light(), s.deviationPoints(), s.completedThisYear(),
                List.of(Text.of("reason.asWritten", reason, "a reason")), s.tally());
    }

    @Test
    void shouldShowTheLatestWordsOfAProjectWhosePlaceDidNotMove() {
        apply("R1", Light.RED, "-40.00");
        ProjectSummary reworded = summary("R1", 2022, Light.RED, "-40.00");
        reworded = new ProjectSummary(reworded.projectId(), reworded.year(), reworded.name(), reworded.unitId(),
                reworded.township(), reworded.area(), reworded.level(), reworded.status(), reworded.light(),
                reworded.deviationPoints(), reworded.completedThisYear(), List.of(Text.of("reason.asWritten", "新的原因", "a new reason")),
                reworded.tally());

        assertThat(warnings.apply(reworded)).as("shown, and its words moved").isTrue();
        assertThat(warnings.shown()).singleElement().satisfies(w -> assertThat(w.reasons()).containsExactly("新的原因"));
    }

    @Test
    void shouldReadTheWordsOfAProjectBroughtAmongTheShownFromTheWholeYearOnly() {
        java.util.List<String> read = new java.util.ArrayList<>();
        CountyWarnings few = answering(projectId -> {
            read.add(projectId);
            return new CountyWarnings.Shown("项目" + projectId, "县住建局", "玉泉镇", pulse.model.WorkArea.URBAN,
                    List.of(Text.of("reason.asWritten", "视图的原因", "the view's reason")));
        }, CountyWarnings.SHOWN);
        for (int i = 10; i >= 1; i--) {   // the worst first: R2 and R1 come after a full head, and only their place is kept
            few.apply(summary("R" + i, 2022, Light.RED, "-" + (10 + i) + ".00"));
        }
        assertThat(read).as("the head of eight kept what their summaries said").isEmpty();

        assertThat(few.apply(summary("R10", 2022, Light.GREEN, "0.00"))).isTrue();

        assertThat(read).as("the head drained below eight and was filled from the whole year").isNotEmpty()
                .containsExactly("R2");
        assertThat(few.shown()).extracting(Warning::projectId).containsExactly("R9", "R8", "R7", "R6", "R5", "R4", "R3", "R2");
        assertThat(few.shown().get(7).reasons()).as("R2 came from outside the head: its words from its view")
                .containsExactly("视图的原因");
        assertThat(few.shown().get(0).reasons()).as("R9's from its summary").containsExactly("落后");
    }

    @Test
    void shouldShowThePlaceOfAProjectWhoseViewCannotBeReadAndNotAskAgainUntilItsNextSummary() {
        java.util.List<String> read = new java.util.ArrayList<>();
        CountyWarnings few = new CountyWarnings(read::add, CountyWarnings.SHOWN);   // never answered
        for (int i = 10; i >= 1; i--) {
            few.apply(summary("R" + i, 2022, Light.RED, "-" + (10 + i) + ".00"));
        }
        few.apply(summary("R10", 2022, Light.GREEN, "0.00"));
        few.apply(summary("R9", 2022, Light.RED, "-19.50"));
        few.apply(summary("R8", 2022, Light.RED, "-18.50"));

        assertThat(read).as("asked once, not at every summary after").containsExactly("R2");
        assertThat(few.shown().get(7)).satisfies(w -> {
            assertThat(w.projectId()).isEqualTo("R2");
            assertThat(w.name()).isEqualTo("R2");
            assertThat(w.reasons()).isEmpty();
        });

        assertThat(few.apply(summary("R2", 2022, Light.RED, "-12.00"))).as("its own summary brings its words").isTrue();
        assertThat(few.shown().get(7).reasons()).containsExactly("落后");
    }

    @Test
    void shouldTakeWordsReadLaterUnlessASummaryOfTheProjectCameFirst() {
        java.util.List<String> asked = new java.util.ArrayList<>();
        CountyWarnings few = new CountyWarnings(asked::add, CountyWarnings.SHOWN);   // given back below
        for (int i = 10; i >= 1; i--) {
            few.apply(summary("R" + i, 2022, Light.RED, "-" + (10 + i) + ".00"));
        }
        few.apply(summary("R10", 2022, Light.GREEN, "0.00"));
        assertThat(asked).containsExactly("R2");
        assertThat(few.shown().get(7).reasons()).as("its place only, meanwhile").isEmpty();

        CountyWarnings.Shown read = new CountyWarnings.Shown("项目R2", "县住建局", "玉泉镇", pulse.model.WorkArea.URBAN,
                List.of(Text.of("reason.asWritten", "视图的原因", "the view's reason")));
        assertThat(few.wordsRead("R2", read)).as("shown, so the list moved").isTrue();
        assertThat(few.shown().get(7).reasons()).containsExactly("视图的原因");
        assertThat(few.wordsRead("R2", read)).as("given once: not asked for any more").isFalse();

        few.apply(summary("R9", 2022, Light.GREEN, "0.00"));
        assertThat(asked).containsExactly("R2", "R1");
        few.apply(summary("R1", 2022, Light.RED, "-11.50"));   // its own summary, before the answer
        assertThat(few.wordsRead("R1", read)).as("older than the summary").isFalse();
        assertThat(few.shown().get(7)).satisfies(w -> {
            assertThat(w.projectId()).isEqualTo("R1");
            assertThat(w.reasons()).containsExactly("落后");
        });
        assertThat(few.wordsRead("R7", read)).as("never asked for").isFalse();
    }
}
