package pulse.topology;

import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/** One group of projects in one plan year, whose totals a {@link TotalsBook} keeps, e.g. (2022, unit, 县住建局). */
public record GroupKey(int year, Dimension dimension, String key) {

    /**
     * The project's group in each of {@code dimensions}: {@code before} itself when the project is
     * still in every one of them (almost every summary: a project seldom moves), so that no key is
     * made; else a copy, the groups it moved to made anew and passed through {@code made}.
     *
     * @param before the same project-year's groups in the same dimensions (so of the same year), or null
     */
    public static GroupKey[] of(ProjectSummary project, Dimension[] dimensions, GroupKey[] before,
            UnaryOperator<GroupKey> made) {
        GroupKey[] of = before;
        for (int d = 0; d < dimensions.length; d++) {
            String key = dimensions[d].keyOf(project);
            if (before != null && before[d].key().equals(key)) {
                continue;
            }
            if (of == before) {
                of = before == null ? new GroupKey[dimensions.length] : before.clone();
            }
            of[d] = made.apply(new GroupKey(project.year(), dimensions[d], key));
        }
        return of;
    }

    /**
     * One key object per group, the first one given: kept for every project of a group, the keys
     * are shared, not made once per project. For one thread (the one that applies summaries).
     */
    public static UnaryOperator<GroupKey> sharing() {
        Map<GroupKey, GroupKey> made = new HashMap<>();
        return group -> made.computeIfAbsent(group, key -> key);
    }

    public static GroupKey county(int year) {
        return new GroupKey(year, Dimension.COUNTY, Dimension.COUNTY_KEY);
    }
}
