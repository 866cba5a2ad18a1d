package pulse.topology;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

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
 * <p>One thread applies; any thread reads, each group as of the last apply before the read.
 */
public final class TotalsBook {

    private record Contribution(GroupKey[] groups, Tally tally) {}

    private final Map<String, Contribution> byProjectYear = new HashMap<>();
    /** Hashed, not sorted: every summary moves five groups, and a read of a dimension sorts its few hundred. */
    private final Map<GroupKey, Tally.Running> groups = new HashMap<>();
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
        Contribution after = project == null ? null : new Contribution(groupsOf(project, before), project.tally());
        if (after == null) {
            byProjectYear.remove(projectYear);
        } else {
            byProjectYear.put(projectYear, after);
        }
        List<GroupKey> moved = new ArrayList<>();
        boolean sameSums = before != null && after != null && before.tally().sameSums(after.tally());
        for (int d = 0; d < DIMENSIONS.length; d++) {
            GroupKey from = before == null ? null : before.groups()[d];
            GroupKey to = after == null ? null : after.groups()[d];
            if (from != null && (from == to || from.equals(to))) {
                if (!sameSums) {
                    Tally.Running sums = groups.computeIfAbsent(to, key -> new Tally.Running());
                    sums.add(before.tally(), -1);
                    sums.add(after.tally(), 1);
                    moved.add(to);
                }
            } else {
                if (from != null) {
                    add(from, before.tally(), -1, moved);
                }
                if (to != null) {
                    add(to, after.tally(), 1, moved);
                }
            }
        }
        return moved;
    }

    private static final Dimension[] DIMENSIONS = Dimension.values();

    /**
     * The project's groups: the ones of its contribution {@code before} when it is still in them
     * (almost every summary: a project seldom moves), so that no key is made and looked up again.
     */
    private GroupKey[] groupsOf(ProjectSummary project, Contribution before) {
        GroupKey[] of = null;
        for (int d = 0; d < DIMENSIONS.length; d++) {
            String key = DIMENSIONS[d].keyOf(project);
            GroupKey was = before == null ? null : before.groups()[d];
            boolean same = was != null && was.year() == project.year() && was.key().equals(key);
            if (!same && of == null) {
                of = before == null ? new GroupKey[DIMENSIONS.length] : before.groups().clone();
            }
            if (!same) {
                of[d] = keys.computeIfAbsent(new GroupKey(project.year(), DIMENSIONS[d], key), group -> group);
            }
        }
        return of == null ? before.groups() : of;
    }

    private void add(GroupKey group, Tally tally, int sign, List<GroupKey> moved) {
        if (!tally.isZero()) {
            groups.computeIfAbsent(group, key -> new Tally.Running()).add(tally, sign);
            moved.add(group);
        }
    }

    /** The group's totals; null when no project was ever in it. */
    public synchronized Tally get(GroupKey group) {
        Tally.Running sums = groups.get(group);
        return sums == null ? null : sums.snapshot();
    }

    /** Every group of {@code year}'s {@code dimension} ever seen, by key, in key order. */
    public synchronized NavigableMap<String, Tally> all(int year, Dimension dimension) {
        NavigableMap<String, Tally> all = new java.util.TreeMap<>();
        groups.forEach((group, sums) -> {
            if (group.year() == year && group.dimension() == dimension) {
                all.put(group.key(), sums.snapshot());
            }
        });
        return all;
    }

    /** The project-years in the book. */
    public synchronized int size() {
        return byProjectYear.size();
    }
}
