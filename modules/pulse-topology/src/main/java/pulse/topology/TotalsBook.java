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
     * collector's young pauses, and ended in the old generation. It holds its groups' running sums
     * beside their keys, so that a summary that moves only figures adds to them without looking
     * each group up.
     */
    private static final class Contribution {
        private GroupKey[] groups;
        private final Tally.Running[] totals = new Tally.Running[DIMENSIONS.length];
        private final Tally.Running sums = new Tally.Running();
    }

    private static final Dimension[] DIMENSIONS = Dimension.values();

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
        List<GroupKey> moved = new ArrayList<>(DIMENSIONS.length);
        if (project == null) {
            if (held != null) {
                byProjectYear.remove(projectYear);
                for (int d = 0; d < DIMENSIONS.length; d++) {
                    leave(held, d, moved);
                }
            }
            return moved;
        }
        Tally after = project.tally();
        if (held == null) {
            held = new Contribution();
            byProjectYear.put(projectYear, held);
            held.groups = GroupKey.of(project, DIMENSIONS, null, shared);
            for (int d = 0; d < DIMENSIONS.length; d++) {
                enter(held, d, held.groups[d], after, moved);
            }
            held.sums.set(after);
            return moved;
        }
        GroupKey[] to = GroupKey.of(project, DIMENSIONS, held.groups, shared);
        boolean sameSums = held.sums.sameSums(after);
        for (int d = 0; d < DIMENSIONS.length; d++) {
            if (to[d] == held.groups[d]) {   // the same key object: the project is still in this group
                if (!sameSums) {
                    held.totals[d].add(held.sums, -1);
                    held.totals[d].add(after, 1);
                    moved.add(to[d]);
                }
            } else {
                leave(held, d, moved);
                enter(held, d, to[d], after, moved);
            }
        }
        held.groups = to;
        if (!sameSums) {
            held.sums.set(after);
        }
        return moved;
    }

    /** Takes what the contribution added to its {@code d}th group away from it. */
    private static void leave(Contribution held, int d, List<GroupKey> moved) {
        if (!held.sums.isZero()) {
            held.totals[d].add(held.sums, -1);
            moved.add(held.groups[d]);
        }
    }

    /** Makes {@code group} the contribution's {@code d}th, and adds {@code after} to it. */
    private void enter(Contribution held, int d, GroupKey group, Tally after, List<GroupKey> moved) {
        held.totals[d] = groups.computeIfAbsent(group, key -> new Tally.Running());
        if (!after.isZero()) {
            held.totals[d].add(after, 1);
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
