package pulse.server.push;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Consumer;
import pulse.model.Light;
import pulse.model.Text;
import pulse.model.Warning;
import pulse.model.WorkArea;
import pulse.topology.Place;
import pulse.topology.ProjectSummary;
import pulse.topology.Standings;

/**
 * The red and yellow projects of one plan year and the first {@value #SHOWN} of them, worst first,
 * kept as their summaries arrive, so the push channel can tell at once whether the county's list on
 * the screen moved. Updates carry that list only when it did: a province has thousands of warnings
 * moving all the time, and a screen shows eight. A screen filtered on a unit or a work area asks
 * for that list itself.
 *
 * <p>Only the first {@value #HEAD} are kept in order. A summary is placed among them or compared with
 * the last of them, and the whole year is looked through again only when fewer than {@value #SHOWN}
 * are left. Kept all in a sorted set, every red and yellow report moved a project in it (a third of
 * the reader's time during a catch-up); kept to the eight shown, a province's projects that tie
 * at the top (none reported yet) left one at every report, and each time every other was looked at.
 *
 * <p>What a warning shows beyond its place (names and reasons) is kept only for the projects in that
 * head, where a summary brings it. A project that comes among the first {@value #SHOWN} without it,
 * when the head is filled again from the whole year, is asked for it ({@code askWords}): kept for
 * every project, the reasons of a province's warnings outlived the collector's young pauses and were
 * 40% of what they copied at 100,000 projects. The push channel reads them off its reader's thread
 * (on a peer, a read is an HTTP call) and gives them back ({@link #wordsRead}); meanwhile the
 * warning shows its place.
 */
final class CountyWarnings {

    static final int SHOWN = 8;
    /** How many are kept in order: a look through the whole year is needed once this many have left. */
    static final int HEAD = 256;
    private final int headSize;
    private final Consumer<String> askWords;

    /** What a warning shows of a project beyond its place in the list. */
    record Shown(String name, String unitId, String township, WorkArea area, List<Text> reasons) {

        static Shown of(ProjectSummary project, Shown before) {
            if (before != null && before.sameAs(project)) {
                return before;
            }
            return new Shown(project.name(), project.unitId(), project.township(), project.area(), project.reasons());
        }

        /** What is known of a project whose words are not: its id for a name, no reasons. */
        static Shown placeOnly(String projectId) {
            return new Shown(projectId, "", "", null, List.of());
        }

        boolean sameAs(ProjectSummary now) {
            return reasons.equals(now.reasons()) && Objects.equals(name, now.name()) && Objects.equals(unitId, now.unitId())
                    && Objects.equals(township, now.township()) && area == now.area();
        }
    }

    /**
     * A red or yellow project's place in the list ({@link Place}) and what its warning shows when it
     * is known ({@code shown}: null outside the head), changed in place by each summary, so that
     * nothing made from a summary outlives it unless the warning's words moved. Its place changes
     * only while it is out of {@link #head}, whose order it is.
     */
    private static final class Kept {
        private final String projectId;
        private long place;
        private Shown shown;
        /** Its words were asked for and are not back yet: it shows its place only. */
        private boolean asked;

        Kept(String projectId) {
            this.projectId = projectId;
        }

        Warning warning() {
            Shown what = shown != null ? shown : Shown.placeOnly(projectId);
            return Standings.warning(projectId, what.name(), what.unitId(), what.township(), what.area(),
                    Place.light(place), Place.deviationPoints(place), what.reasons());
        }
    }

    private static final Comparator<Kept> ORDER = (a, b) -> Place.compare(a.place, a.projectId, b.place, b.projectId);

    /** Every red and yellow project's place: its warning written out only when shown. */
    private final Map<String, Kept> byProject = new HashMap<>();
    /** The first of {@link #byProject}'s in {@link #ORDER}, at most {@link #headSize}: every other comes after the last. */
    private final TreeSet<Kept> head = new TreeSet<>(ORDER);

    /**
     * @param askWords asks for what a project's warning shows beyond its place, to be given back
     *     with {@link #wordsRead} (or never, when it cannot be read); it is not asked again until its
     *     next summary. Called for at most {@value #SHOWN} projects each time the head is filled from
     *     the whole year.
     */
    CountyWarnings(Consumer<String> askWords) {
        this(askWords, HEAD);
    }

    /** Keeping {@code headSize} in order (at least {@value #SHOWN}): a test keeps few, to look through the year often. */
    CountyWarnings(Consumer<String> askWords, int headSize) {
        if (headSize < SHOWN) {
            throw new IllegalArgumentException("headSize " + headSize + ", expected at least " + SHOWN);
        }
        this.askWords = askWords;
        this.headSize = headSize;
    }

    /** Takes a project's new summary; true when the list shown changed. */
    boolean apply(ProjectSummary project) {
        Kept kept = byProject.get(project.projectId());
        boolean green = project.light() == Light.GREEN;
        if (green && kept == null) {
            return false;
        }
        long place = green ? 0 : Place.of(project.light(), project.deviationPoints());
        if (kept != null && !green && kept.place == place && (kept.shown != null ? kept.shown.sameAs(project) : !isShown(kept))) {
            return false;   // the same place, and the same words where they are known (outside the head they are not, and not shown)
        }
        boolean wasShown = kept != null && isShown(kept);
        // Every project outside the head comes after its last, as it is before this summary: its
        // place is read now, as the last itself may be the project that moves.
        Kept last = head.isEmpty() ? null : head.last();
        long boundary = last == null ? 0 : last.place;
        String boundaryId = last == null ? null : last.projectId;
        if (kept != null) {
            head.remove(kept);
        }
        if (green) {
            byProject.remove(project.projectId());
            kept = null;
        } else {
            if (kept == null) {
                kept = new Kept(project.projectId());
                byProject.put(kept.projectId, kept);
            }
            kept.place = place;
            // into the head while every other one is in it and there is room, or no later than its
            // last was (the project itself, when it was the last and has not moved)
            boolean inHead = head.size() == byProject.size() - 1 && head.size() < headSize
                    || last != null && Place.compare(place, kept.projectId, boundary, boundaryId) <= 0;
            kept.shown = inHead ? Shown.of(project, kept.shown) : null;
            kept.asked = false;   // what the summary says is newer than any answer still coming
            if (inHead) {
                head.add(kept);
                if (head.size() > headSize) {
                    head.pollLast();
                }
            }
        }
        if (head.size() < SHOWN && byProject.size() > head.size()) {
            refill();
        }
        showWhatIsShown();
        return wasShown || kept != null && isShown(kept);
    }

    /** Asks for the words of each of the first {@value #SHOWN} without them (come from the whole year). */
    private void showWhatIsShown() {
        Iterator<Kept> first = head.iterator();
        for (int i = 0; i < SHOWN && first.hasNext(); i++) {
            Kept kept = first.next();
            if (kept.shown == null) {
                // Its place only meanwhile, and not asked again for every summary: the answer
                // (wordsRead) or its own next summary, in the head, brings its words.
                kept.shown = Shown.placeOnly(kept.projectId);
                kept.asked = true;
                askWords.accept(kept.projectId);
            }
        }
    }

    /**
     * The words read for a project that was asked for them: taken unless a summary of it came since
     * (its words, or its leaving the head or the list, are newer); true when the list shown changed.
     */
    boolean wordsRead(String projectId, Shown shown) {
        Kept kept = byProject.get(projectId);
        if (kept == null || !kept.asked) {
            return false;
        }
        kept.shown = shown;
        kept.asked = false;
        return isShown(kept);
    }

    /** Whether {@code kept} is among the first {@value #SHOWN} (it must be in the head or after it). */
    private boolean isShown(Kept kept) {
        Kept last = null;
        Iterator<Kept> first = head.iterator();
        for (int i = 0; i < SHOWN && first.hasNext(); i++) {
            last = first.next();
        }
        return last != null && ORDER.compare(kept, last) <= 0;
    }

    private void refill() {
        head.clear();
        for (Kept kept : byProject.values()) {
            if (head.size() < headSize) {
                head.add(kept);
            } else if (ORDER.compare(kept, head.last()) < 0) {
                head.pollLast();
                head.add(kept);
            }
        }
    }

    /** The first {@value #SHOWN}, each as its project's latest summary made it (or its view, for one come from the whole year). */
    List<Warning> shown() {
        return head.stream().limit(SHOWN).map(Kept::warning).toList();
    }

    int size() {
        return byProject.size();
    }
}
