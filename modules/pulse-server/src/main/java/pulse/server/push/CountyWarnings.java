package pulse.server.push;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * <p>Only the shown ones are kept in order. A summary is compared with the last shown and nothing
 * else; the whole year is looked through again only when a shown project falls out of the list
 * (kept in a sorted set, every red and yellow report moved a project in it: a third of the
 * reader's time during a catch-up).
 */
final class CountyWarnings {

    static final int SHOWN = 8;
    private static final Comparator<ProjectSummary> ORDER = Standings.WORST_SUMMARY_FIRST;

    /** Every red and yellow project's latest summary: its warning is written out only when shown. */
    private final Map<String, ProjectSummary> byProject = new HashMap<>();
    /** The first {@value #SHOWN} of {@link #byProject}'s summaries in {@link #ORDER}. */
    private final List<ProjectSummary> shown = new ArrayList<>(SHOWN + 1);

    /** Takes a project's new summary; true when the list shown changed. */
    boolean apply(ProjectSummary project) {
        ProjectSummary now = project.light() == Light.GREEN ? null : project;
        ProjectSummary before = now == null ? byProject.remove(project.projectId()) : byProject.put(project.projectId(), now);
        if (before == null && now == null || now != null && before != null && sameWarning(before, now)) {
            return false;
        }
        int place = before == null ? -1 : placeOf(before.projectId());
        if (place < 0) {   // it was not shown: it enters only ahead of the last shown
            if (now == null || shown.size() == SHOWN && ORDER.compare(now, shown.get(SHOWN - 1)) > 0) {
                return false;
            }
            insert(now);
            return true;
        }
        ProjectSummary lastShown = shown.get(shown.size() - 1);
        boolean allShown = byProject.size() + (now == null ? 1 : 0) <= SHOWN;
        shown.remove(place);
        if (now != null && (allShown || ORDER.compare(now, lastShown) <= 0)) {
            insert(now);   // still ahead of every one not shown
        } else if (byProject.size() > shown.size()) {
            refill();      // the next one in may be any of the others
        }
        return true;
    }

    private int placeOf(String projectId) {
        for (int i = 0; i < shown.size(); i++) {
            if (shown.get(i).projectId().equals(projectId)) {
                return i;
            }
        }
        return -1;
    }

    /** Puts {@code summary} in its place among the shown, the last one out if there are more than {@value #SHOWN}. */
    private void insert(ProjectSummary summary) {
        int at = shown.size();
        while (at > 0 && ORDER.compare(summary, shown.get(at - 1)) < 0) {
            at--;
        }
        shown.add(at, summary);
        if (shown.size() > SHOWN) {
            shown.remove(SHOWN);
        }
    }

    private void refill() {
        shown.clear();
        for (ProjectSummary summary : byProject.values()) {
            if (shown.size() < SHOWN || ORDER.compare(summary, shown.get(SHOWN - 1)) < 0) {
                insert(summary);
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
        return shown.stream().map(Standings::warning).toList();
    }

    int size() {
        return byProject.size();
    }
}
