package pulse.topology;

import java.util.Locale;
import java.util.function.Function;
import pulse.model.Enums;

/** The groups Pulse keeps totals for; a group's key in the totals is a {@link GroupKey}. */
public enum Dimension {
    COUNTY(view -> Dimension.COUNTY_KEY),
    UNIT(ProjectSummary::unitId),
    TOWNSHIP(ProjectSummary::township),
    AREA(view -> view.area().name()),
    LEVEL(view -> view.level().name());

    /** The single key of the county dimension. */
    public static final String COUNTY_KEY = "全县";

    private final Function<ProjectSummary, String> keyOf;

    Dimension(Function<ProjectSummary, String> keyOf) {
        this.keyOf = keyOf;
    }

    /** The name used in URLs and group keys: {@code unit}, {@code township}, ... */
    public String path() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The group of this dimension that the project is in. */
    public String keyOf(ProjectSummary project) {
        return keyOf.apply(project);
    }

    /** The dimension whose {@link #path()} is {@code path}, or null. */
    public static Dimension fromPath(String path) {
        return Enums.spelled(Dimension.class, path, Dimension::path).orElse(null);
    }
}
