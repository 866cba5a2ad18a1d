package pulse.server.push;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import pulse.model.Light;
import pulse.model.Text;
import pulse.model.Warning;
import pulse.model.WorkArea;
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
 * when the head is filled again from the whole year, has it read from its view ({@code details}):
 * kept for every project, the reasons of a province's warnings outlived the collector's young
 * pauses and were 40% of what they copied at 100,000 projects.
 */
final class CountyWarnings {

    static final int SHOWN = 8;
    /** How many are kept in order: a look through the whole year is needed once this many have left. */
    static final int HEAD = 256;
    private final int headSize;
    private final Function<String, Shown> details;

    /** What a warning shows of a project beyond its place in the list. */
    record Shown(String name, String unitId, String township, WorkArea area, List<Text> reasons) {

        static Shown of(ProjectSummary project, Shown before) {
            if (before != null && before.sameAs(project)) {
                return before;
            }
            return new Shown(project.name(), project.unitId(), project.township(), project.area(), project.reasons());
        }

        /** What is known of a project whose view could not be read: its id for a name, no reasons. */
        static Shown placeOnly(String projectId) {
            return new Shown(projectId, "", "", null, List.of());
        }

        boolean sameAs(ProjectSummary now) {
            return reasons.equals(now.reasons()) && Objects.equals(name, now.name()) && Objects.equals(unitId, now.unitId())
                    && Objects.equals(township, now.township()) && area == now.area();
        }
    }

    /**
     * A red or yellow project's place in the list, and what its warning shows when it is known
     * ({@code shown}: null outside the head). Only the parts that moved are new, so that little
     * outlives each summary.
     */
    private record Kept(String projectId, Light light, BigDecimal deviationPoints, Shown shown) {

        /** The project's place after {@code project}, what its warning shows not kept. */
        static Kept placeOf(ProjectSummary project, Kept before) {
            BigDecimal deviation = before != null && Objects.equals(before.deviationPoints(), project.deviationPoints())
                    ? before.deviationPoints() : project.deviationPoints();
            return new Kept(project.projectId(), project.light(), deviation, null);
        }

        Kept withShown(Shown shown) {
            return new Kept(projectId, light, deviationPoints, shown);
        }

        Warning warning() {
            Shown what = shown != null ? shown : Shown.placeOnly(projectId);
            return Standings.warning(projectId, what.name(), what.unitId(), what.township(), what.area(), light,
                    deviationPoints, what.reasons());
        }
    }

    private static final Comparator<Kept> ORDER = Standings.worstFirst(Kept::light, Kept::deviationPoints, Kept::projectId);

    /** Every red and yellow project's place: its warning written out only when shown. */
    private final Map<String, Kept> byProject = new HashMap<>();
    /** The first of {@link #byProject}'s in {@link #ORDER}, at most {@link #headSize}: every other comes after the last. */
    private final TreeSet<Kept> head = new TreeSet<>(ORDER);

    /**
     * @param details what a project's warning shows beyond its place, read from its view now; null
     *     when it cannot be read. Called on the reader's thread, for at most {@value #SHOWN} projects
     *     each time the head is filled from the whole year.
     */
    CountyWarnings(Function<String, Shown> details) {
        this(details, HEAD);
    }

    /** Keeping {@code headSize} in order (at least {@value #SHOWN}): a test keeps few, to look through the year often. */
    CountyWarnings(Function<String, Shown> details, int headSize) {
        if (headSize < SHOWN) {
            throw new IllegalArgumentException("headSize " + headSize + ", expected at least " + SHOWN);
        }
        this.details = details;
        this.headSize = headSize;
    }

    /** Takes a project's new summary; true when the list shown changed. */
    boolean apply(ProjectSummary project) {
        Kept before = byProject.get(project.projectId());
        if (project.light() == Light.GREEN && before == null
                || before != null && sameWarning(before, project) && (before.shown() != null || !isShown(before))) {
            return false;
        }
        boolean wasShown = before != null && isShown(before);
        // Every project outside the head comes after its last, as it is before this summary.
        Kept boundary = head.isEmpty() ? null : head.last();
        if (before != null) {
            head.remove(before);
            byProject.remove(project.projectId());
        }
        Kept now = null;
        if (project.light() != Light.GREEN) {
            Kept place = Kept.placeOf(project, before);
            // into the head while every other one is in it and there is room, or no later than its
            // last was (the project itself, when it was the last and has not moved)
            boolean inHead = head.size() == byProject.size() && head.size() < headSize
                    || boundary != null && ORDER.compare(place, boundary) <= 0;
            now = inHead ? place.withShown(Shown.of(project, before == null ? null : before.shown())) : place;
            byProject.put(project.projectId(), now);
            if (inHead) {
                head.add(now);
                if (head.size() > headSize) {
                    head.pollLast();
                }
            }
        }
        if (head.size() < SHOWN && byProject.size() > head.size()) {
            refill();
        }
        showWhatIsShown();
        return wasShown || now != null && isShown(now);
    }

    /** Gives each of the first {@value #SHOWN} without what its warning shows (come from the whole year) that, from its view. */
    private void showWhatIsShown() {
        Iterator<Kept> first = head.iterator();
        List<Kept> without = null;   // made only when one is without: this runs for every summary
        for (int i = 0; i < SHOWN && first.hasNext(); i++) {
            Kept kept = first.next();
            if (kept.shown() == null) {
                without = without == null ? new ArrayList<>() : without;
                without.add(kept);
            }
        }
        if (without == null) {
            return;
        }
        for (Kept kept : without) {
            Shown shown = details.apply(kept.projectId());
            // Unreadable now (no instance holds it during a rebalance): its place only, not read again
            // for every summary; its own next summary, in the head, brings its words.
            Kept known = kept.withShown(shown != null ? shown : Shown.placeOnly(kept.projectId()));
            head.remove(kept);
            head.add(known);
            byProject.put(kept.projectId(), known);
        }
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

    /**
     * Whether a project's new summary leaves its warning as it was: the same place, and the same
     * names and reasons where they are known (outside the head they are not, and not shown).
     */
    private static boolean sameWarning(Kept kept, ProjectSummary now) {
        return kept.light() == now.light() && Objects.equals(kept.deviationPoints(), now.deviationPoints())
                && (kept.shown() == null || kept.shown().sameAs(now));
    }

    /** The first {@value #SHOWN}, each as its project's latest summary made it (or its view, for one come from the whole year). */
    List<Warning> shown() {
        return head.stream().limit(SHOWN).map(Kept::warning).toList();
    }

    int size() {
        return byProject.size();
    }
}
