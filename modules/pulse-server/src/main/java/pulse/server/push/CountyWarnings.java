package pulse.server.push;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import pulse.model.Light;
import pulse.model.Warning;
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
    private static final Comparator<ProjectSummary> ORDER = Standings.WORST_SUMMARY_FIRST;

    /** Every red and yellow project's latest summary: its warning is written out only when shown. */
    private final Map<String, ProjectSummary> byProject = new HashMap<>();
    /** The first of {@link #byProject}'s summaries in {@link #ORDER}, at most {@link #headSize}: every other comes after the last. */
    private final TreeSet<ProjectSummary> head = new TreeSet<>(ORDER);

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
        ProjectSummary now = project.light() == Light.GREEN ? null : project;
        ProjectSummary before = now == null ? byProject.remove(project.projectId()) : byProject.put(project.projectId(), now);
        if (before == null && now == null || now != null && before != null && sameWarning(before, now)) {
            return false;
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

    /** Whether {@code summary} is among the first {@value #SHOWN} (it must be in the head or after it). */
    private boolean isShown(ProjectSummary summary) {
        ProjectSummary last = null;
        Iterator<ProjectSummary> first = head.iterator();
        for (int i = 0; i < SHOWN && first.hasNext(); i++) {
            last = first.next();
        }
        return last != null && ORDER.compare(summary, last) <= 0;
    }

    private void refill() {
        head.clear();
        for (ProjectSummary summary : byProject.values()) {
            if (head.size() < headSize) {
                head.add(summary);
            } else if (ORDER.compare(summary, head.last()) < 0) {
                head.pollLast();
                head.add(summary);
            }
        }
    }

    /** Whether two summaries of a project make the same warning: what the list shows of it is the same. */
    private static boolean sameWarning(ProjectSummary a, ProjectSummary b) {
        return a.light() == b.light() && Objects.equals(a.deviationPoints(), b.deviationPoints())
                && a.reasons().equals(b.reasons()) && Objects.equals(a.name(), b.name())
                && Objects.equals(a.unitId(), b.unitId()) && Objects.equals(a.township(), b.township())
                && a.area() == b.area();
    }

    /** The first {@value #SHOWN}, each as its project's latest summary made it. */
    List<Warning> shown() {
        return head.stream().limit(SHOWN).map(Standings::warning).toList();
    }

    int size() {
        return byProject.size();
    }
}
