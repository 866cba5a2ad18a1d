package pulse.topology;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.function.UnaryOperator;

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

    /**
     * What one project-year adds to its groups, changed in place by each new summary: a summary is
     * read, applied and dropped, and nothing made from it outlives it. Kept as new objects, every
     * summary's sums and keys lived until the project's next one, long enough to be copied by the
     * collector's young pauses, and ended in the old generation.
     */
    private static final class Contribution {
        private GroupKey[] groups;
        private final Tally.Running sums = new Tally.Running();

        Contribution(GroupKey[] groups) {
            this.groups = groups;
        }
    }

    private final Map<String, Contribution> byProjectYear = new HashMap<>();
    /** Hashed, not sorted: every summary moves five groups, and a read of a dimension sorts its few hundred. */
    private final Map<GroupKey, Tally.Running> groups = new HashMap<>();
    /** One key object per group, shared by its projects' contributions. */
    private final UnaryOperator<GroupKey> shared = GroupKey.sharing();

    /**
     * Takes the latest summary of a project in a plan year ({@code null}: the project left that
     * year's list) and answers the groups whose totals moved.
     *
     * @param projectYear the key on {@code pulse.projects}, {@code <year>/<projectId>}
     */
    public synchronized List<GroupKey> apply(String projectYear, ProjectSummary project) {
        Contribution held = byProjectYear.get(projectYear);
        List<GroupKey> moved = new ArrayList<>();
        if (project == null) {
            if (held != null) {
                byProjectYear.remove(projectYear);
                for (GroupKey from : held.groups) {
                    take(from, held.sums, moved);
                }
            }
            return moved;
        }
        Tally after = project.tally();
        if (held == null) {
            held = new Contribution(groupsOf(project, null));
            byProjectYear.put(projectYear, held);
            for (GroupKey to : held.groups) {
                add(to, after, moved);
            }
            held.sums.set(after);
            return moved;
        }
        GroupKey[] to = groupsOf(project, held.groups);
        boolean sameSums = held.sums.sameSums(after);
        for (int d = 0; d < DIMENSIONS.length; d++) {
            GroupKey from = held.groups[d];
            if (from == to[d] || from.equals(to[d])) {
                if (!sameSums) {
                    Tally.Running sums = groups.computeIfAbsent(from, key -> new Tally.Running());
                    sums.add(held.sums, -1);
                    sums.add(after, 1);
                    moved.add(from);
                }
            } else {
                take(from, held.sums, moved);
                add(to[d], after, moved);
            }
        }
        held.groups = to;
        if (!sameSums) {
            held.sums.set(after);
        }
        return moved;
    }

    private static final Dimension[] DIMENSIONS = Dimension.values();

    /** The project's groups ({@link GroupKey#of}), each key made once and shared by every project in its group. */
    private GroupKey[] groupsOf(ProjectSummary project, GroupKey[] before) {
        return GroupKey.of(project, DIMENSIONS, before, shared);
    }

    private void add(GroupKey group, Tally tally, List<GroupKey> moved) {
        if (!tally.isZero()) {
            groups.computeIfAbsent(group, key -> new Tally.Running()).add(tally, 1);
            moved.add(group);
        }
    }

    private void take(GroupKey group, Tally.Running contribution, List<GroupKey> moved) {
        if (!contribution.isZero()) {
            groups.computeIfAbsent(group, key -> new Tally.Running()).add(contribution, -1);
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
