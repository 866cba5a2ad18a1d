package pulse.server.push;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
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
 */
final class CountyWarnings {

    static final int SHOWN = 8;
    /** How many are kept in order: a look through the whole year is needed once this many have left. */
    static final int HEAD = 256;
    private final int headSize;
    /**
     * What a warning shows of a project, kept instead of its whole summary: every red and yellow
     * project has one, and most reports move it. The parts that did not move are the ones kept
     * before, so that only a small record and a figure outlive each summary; kept whole, every
     * summary's sums, names and reasons did, long enough to be copied by the collector's young pauses.
     */
    private record Kept(String projectId, String name, String unitId, String township, WorkArea area, Light light,
            BigDecimal deviationPoints, List<Text> reasons) {

        static Kept of(ProjectSummary project, Kept before) {
            if (before == null) {
                return new Kept(project.projectId(), project.name(), project.unitId(), project.township(),
                        project.area(), project.light(), project.deviationPoints(), project.reasons());
            }
            return new Kept(before.projectId(), same(before.name(), project.name()), same(before.unitId(), project.unitId()),
                    same(before.township(), project.township()), project.area(), project.light(),
                    same(before.deviationPoints(), project.deviationPoints()), same(before.reasons(), project.reasons()));
        }

        private static <T> T same(T before, T now) {
            return Objects.equals(before, now) ? before : now;
        }

        Warning warning() {
            return Standings.warning(projectId, name, unitId, township, area, light, deviationPoints, reasons);
        }
    }

    private static final Comparator<Kept> ORDER = Standings.worstFirst(Kept::light, Kept::deviationPoints, Kept::projectId);

    /** Every red and yellow project's warning: written out only when shown. */
    private final Map<String, Kept> byProject = new HashMap<>();
    /** The first of {@link #byProject}'s in {@link #ORDER}, at most {@link #headSize}: every other comes after the last. */
    private final TreeSet<Kept> head = new TreeSet<>(ORDER);

    CountyWarnings() {
        this(HEAD);
    }

    /** Keeping {@code headSize} in order (at least {@value #SHOWN}): a test keeps few, to look through the year often. */
    CountyWarnings(int headSize) {
        if (headSize < SHOWN) {
            throw new IllegalArgumentException("headSize " + headSize + ", expected at least " + SHOWN);
        }
        this.headSize = headSize;
    }

    /** Takes a project's new summary; true when the list shown changed. */
    boolean apply(ProjectSummary project) {
        Kept before = byProject.get(project.projectId());
        if (project.light() == Light.GREEN && before == null || before != null && sameWarning(before, project)) {
            return false;
        }
        Kept now = project.light() == Light.GREEN ? null : Kept.of(project, before);
        if (now == null) {
            byProject.remove(project.projectId());
        } else {
            byProject.put(project.projectId(), now);
        }
        boolean wasShown = before != null && isShown(before);
        if (before != null) {
            head.remove(before);
        }
        if (now != null && (head.size() == byProject.size() - 1 || !head.isEmpty() && ORDER.compare(now, head.last()) < 0)) {
            head.add(now);
            if (head.size() > headSize) {
                head.pollLast();
            }
        }
        if (head.size() < SHOWN && byProject.size() > head.size()) {
            refill();
        }
        return wasShown || now != null && isShown(now);
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

    /** Whether a project's new summary makes the warning kept: what the list shows of it is the same. */
    private static boolean sameWarning(Kept kept, ProjectSummary now) {
        return kept.light() == now.light() && Objects.equals(kept.deviationPoints(), now.deviationPoints())
                && kept.reasons().equals(now.reasons()) && Objects.equals(kept.name(), now.name())
                && Objects.equals(kept.unitId(), now.unitId()) && Objects.equals(kept.township(), now.township())
                && kept.area() == now.area();
    }

    /** The first {@value #SHOWN}, each as its project's latest summary made it. */
    List<Warning> shown() {
        return head.stream().limit(SHOWN).map(Kept::warning).toList();
    }

    int size() {
        return byProject.size();
    }
}
