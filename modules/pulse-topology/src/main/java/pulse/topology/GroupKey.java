package pulse.topology;

/** One group of projects in one plan year, whose totals a {@link TotalsBook} keeps, e.g. (2022, unit, 县住建局). */
public record GroupKey(int year, Dimension dimension, String key) {

    public static GroupKey of(ProjectSummary project, Dimension dimension) {
        return new GroupKey(project.year(), dimension, dimension.keyOf(project));
    }

    public static GroupKey county(int year) {
        return new GroupKey(year, Dimension.COUNTY, Dimension.COUNTY_KEY);
    }
}
