package pulse.topology;

import java.util.Locale;
import java.util.function.Function;
import pulse.model.ProjectView;

/** The groups Pulse keeps totals for; a group's key in the totals is a {@link GroupKey}. */
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

    /** The name used in URLs and group keys: {@code unit}, {@code township}, ... */
    public String path() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The group of this dimension that {@code view}'s project is in. */
    public String keyOf(ProjectView view) {
        return keyOf.apply(view);
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
