package pulse.topology;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every group's totals, kept from the projects' latest summaries as {@code pulse.projects} carries
 * them: each instance reads that topic from its start and keeps its own book, so the totals cost
 * no record of their own on Kafka and reach a reader one exactly-once commit after the event.
 *
 * <p>The book remembers what each project-year added to its groups; a new summary of it takes the
 * old contribution away and adds the new one, so a move between units, a correction or a new
 * day's light shifts exactly what changed. Applying the same summary twice changes nothing, and
 * summaries of different projects may come in any order (they are on different partitions): the
 * totals depend only on the latest summary of each project-year.
 *
 * <p>One thread applies; any thread reads (a read sees every group as of some apply, not
 * necessarily all groups as of the same one — as any read of live totals does).
 */
public final class TotalsBook {

    private record Contribution(GroupKey[] groups, Tally tally) {}

    private final Map<String, Contribution> byProjectYear = new HashMap<>();
    /** Hashed, not sorted: every summary moves five groups, and a read of a dimension sorts its few hundred. */
    private final Map<GroupKey, Tally> groups = new ConcurrentHashMap<>();
    /** One key object per group, shared by its projects' contributions. */
    private final Map<GroupKey, GroupKey> keys = new HashMap<>();

    /**
     * Takes the latest summary of a project in a plan year ({@code null}: the project left that
     * year's list) and answers the groups whose totals moved.
     *
     * @param projectYear the key on {@code pulse.projects}, {@code <year>/<projectId>}
     */
    public synchronized List<GroupKey> apply(String projectYear, ProjectSummary project) {
        Contribution before = byProjectYear.get(projectYear);
        Contribution after = project == null ? null : new Contribution(groupsOf(project), project.tally());
        if (after == null) {
            byProjectYear.remove(projectYear);
        } else {
            byProjectYear.put(projectYear, after);
        }
        List<GroupKey> moved = new ArrayList<>();
        for (int d = 0; d < DIMENSIONS.length; d++) {
            GroupKey from = before == null ? null : before.groups()[d];
            GroupKey to = after == null ? null : after.groups()[d];
            if (from != null && from.equals(to)) {
                add(to, after.tally().minus(before.tally()), moved);
            } else {
                if (from != null) {
                    add(from, Tally.zero().minus(before.tally()), moved);
                }
                if (to != null) {
                    add(to, after.tally(), moved);
                }
            }
        }
        return moved;
    }

    private static final Dimension[] DIMENSIONS = Dimension.values();

    private GroupKey[] groupsOf(ProjectSummary project) {
        GroupKey[] of = new GroupKey[DIMENSIONS.length];
        for (int d = 0; d < DIMENSIONS.length; d++) {
            of[d] = keys.computeIfAbsent(GroupKey.of(project, DIMENSIONS[d]), key -> key);
        }
        return of;
    }

    private void add(GroupKey group, Tally difference, List<GroupKey> moved) {
        if (!difference.isZero()) {
            groups.merge(group, difference, Tally::plus);
            moved.add(group);
        }
    }

    /** The group's totals; null when no project was ever in it. */
    public Tally get(GroupKey group) {
        return groups.get(group);
    }

    /** Every group of {@code year}'s {@code dimension} ever seen, by key, in key order. */
    public NavigableMap<String, Tally> all(int year, Dimension dimension) {
        NavigableMap<String, Tally> all = new java.util.TreeMap<>();
        groups.forEach((group, tally) -> {
            if (group.year() == year && group.dimension() == dimension) {
                all.put(group.key(), tally);
            }
        });
        return all;
    }

    /** The project-years in the book. */
    public synchronized int size() {
        return byProjectYear.size();
    }
}
