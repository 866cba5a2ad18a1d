package pulse.server.push;

import java.util.ArrayList;
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
 * The red and yellow projects of one plan year, worst first, kept as their summaries arrive, so
 * the push channel can tell at once whether the county's list on the screen (its first
 * {@value #SHOWN}) moved. Updates carry that list only when it did: a province has thousands of
 * warnings moving all the time, and a screen shows eight. A screen filtered on a unit or a work
 * area asks for that list itself.
 */
final class CountyWarnings {

    static final int SHOWN = 8;

    /** The summaries of the red and yellow projects: their warnings are written out only when shown. */
    private final TreeSet<ProjectSummary> worstFirst = new TreeSet<>(Standings.WORST_SUMMARY_FIRST);
    private final Map<String, ProjectSummary> byProject = new HashMap<>();

    /** Takes a project's new summary; true when the list shown changed. */
    boolean apply(ProjectSummary project) {
        ProjectSummary now = project.light() == Light.GREEN ? null : project;
        ProjectSummary before = now == null ? byProject.remove(project.projectId()) : byProject.put(project.projectId(), now);
        if (now != null && before != null && sameWarning(before, now)) {
            return false;
        }
        ProjectSummary last = lastShown();
        if (before != null && now != null && Standings.WORST_SUMMARY_FIRST.compare(before, now) == 0) {
            return isShown(before, last);   // the same place (only its words moved): the set keeps the earlier entry
        }
        boolean wasShown = before != null && isShown(before, last);
        if (before != null) {
            worstFirst.remove(before);
        }
        if (now != null) {
            worstFirst.add(now);
        }
        return wasShown || now != null && isShown(now, lastShown());
    }

    /** Whether two summaries of a project make the same warning: what the list shows of it is the same. */
    private static boolean sameWarning(ProjectSummary a, ProjectSummary b) {
        return a.light() == b.light() && Objects.equals(a.deviationPoints(), b.deviationPoints())
                && a.reasons().equals(b.reasons()) && Objects.equals(a.name(), b.name())
                && Objects.equals(a.unitId(), b.unitId()) && Objects.equals(a.township(), b.township())
                && a.area() == b.area();
    }

    /** The {@value #SHOWN}th warning's summary, or null while there are fewer (then every one is shown). */
    private ProjectSummary lastShown() {
        Iterator<ProjectSummary> first = worstFirst.iterator();
        ProjectSummary last = null;
        for (int i = 0; i < SHOWN; i++) {
            if (!first.hasNext()) {
                return null;
            }
            last = first.next();
        }
        return last;
    }

    private static boolean isShown(ProjectSummary warning, ProjectSummary last) {
        return last == null || Standings.WORST_SUMMARY_FIRST.compare(warning, last) <= 0;
    }

    /** The first {@value #SHOWN}, each as its project's latest summary made it. */
    List<Warning> shown() {
        List<Warning> shown = new ArrayList<>(SHOWN);
        Iterator<ProjectSummary> first = worstFirst.iterator();
        while (shown.size() < SHOWN && first.hasNext()) {
            shown.add(Standings.warning(byProject.get(first.next().projectId())));
        }
        return shown;
    }

    int size() {
        return byProject.size();
    }
}
