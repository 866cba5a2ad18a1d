package pulse.server.push;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
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

    private final TreeSet<Warning> worstFirst = new TreeSet<>(Standings.WORST_FIRST);
    private final Map<String, Warning> byProject = new HashMap<>();

    /** Takes a project's new summary; true when the list shown changed. */
    boolean apply(ProjectSummary project) {
        Warning now = Standings.warning(project);
        Warning before = now == null ? byProject.remove(project.projectId()) : byProject.put(project.projectId(), now);
        if (now != null && now.equals(before)) {
            return false;
        }
        Warning last = lastShown();
        if (before != null && now != null && Standings.WORST_FIRST.compare(before, now) == 0) {
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

    /** The {@value #SHOWN}th warning, or null while there are fewer (then every one is shown). */
    private Warning lastShown() {
        Iterator<Warning> first = worstFirst.iterator();
        Warning last = null;
        for (int i = 0; i < SHOWN; i++) {
            if (!first.hasNext()) {
                return null;
            }
            last = first.next();
        }
        return last;
    }

    private static boolean isShown(Warning warning, Warning last) {
        return last == null || Standings.WORST_FIRST.compare(warning, last) <= 0;
    }

    /** The first {@value #SHOWN}, each as its project's latest summary made it. */
    List<Warning> shown() {
        List<Warning> shown = new ArrayList<>(SHOWN);
        Iterator<Warning> first = worstFirst.iterator();
        while (shown.size() < SHOWN && first.hasNext()) {
            shown.add(byProject.get(first.next().projectId()));
        }
        return shown;
    }

    int size() {
        return byProject.size();
    }
}
