package pulse.topology;

import java.util.Locale;
import java.util.function.Function;
import pulse.model.ProjectView;

/**
 * The groups Pulse keeps totals for. A group's key in the totals store is
 * {@code <dimension>/<key>}, e.g. {@code unit/县住建局} or {@code county/全县}.
 */
public enum Dimension {
    COUNTY(view -> Dimension.COUNTY_KEY),
    UNIT(ProjectView::unitId),
    TOWNSHIP(ProjectView::township),
    AREA(view -> view.area().name()),
    LEVEL(view -> view.level().name());

    /** The single key of the county dimension. */
    public static final String COUNTY_KEY = "全县";

    private final Function<ProjectView, String> keyOf;

    Dimension(Function<ProjectView, String> keyOf) {
        this.keyOf = keyOf;
    }

    /** The name used in URLs and store keys: {@code unit}, {@code township}, ... */
    public String path() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String storeKey(ProjectView view) {
        return storeKey(keyOf.apply(view));
    }

    public String storeKey(String key) {
        return path() + "/" + key;
    }

    /** The prefix all of this dimension's store keys share. */
    public String storePrefix() {
        return path() + "/";
    }

    public static Dimension fromPath(String path) {
        for (Dimension dimension : values()) {
            if (dimension.path().equals(path)) {
                return dimension;
            }
        }
        return null;
    }
}
