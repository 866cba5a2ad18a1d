package pulse.topology;

/**
 * The key of one group's totals in one plan year, in a {@link TotalsBook}:
 * {@code <year>/<dimension>/<key>}, e.g. {@code 2022/unit/县住建局} or {@code 2023/county/全县}.
 * The year comes first so that one year's groups of one dimension are one range of keys.
 */
public record GroupKey(int year, Dimension dimension, String key) {

    public static GroupKey of(ProjectSummary project, Dimension dimension) {
        return new GroupKey(project.year(), dimension, dimension.keyOf(project));
    }

    public static GroupKey county(int year) {
        return new GroupKey(year, Dimension.COUNTY, Dimension.COUNTY_KEY);
    }

    public String format() {
        return prefix(year, dimension) + key;
    }

    /** What every key of one year's groups of one dimension starts with. */
    public static String prefix(int year, Dimension dimension) {
        return year + "/" + dimension.path() + "/";
    }

    /** The key written by {@link #format()}; null for anything else (a key of an earlier version). */
    public static GroupKey parse(String text) {
        int first = text.indexOf('/');
        int second = first < 0 ? -1 : text.indexOf('/', first + 1);
        if (first != 4 || second < 0) {
            return null;
        }
        Dimension dimension = Dimension.fromPath(text.substring(first + 1, second));
        if (dimension == null) {
            return null;
        }
        try {
            return new GroupKey(Integer.parseInt(text.substring(0, first)), dimension, text.substring(second + 1));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
