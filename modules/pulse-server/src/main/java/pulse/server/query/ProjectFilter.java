package pulse.server.query;

import pulse.model.Light;
import pulse.model.ProjectStatus;
import pulse.model.ProjectView;
import pulse.model.WorkArea;

/** Which projects of which plan year a list asks for; a null criterion matches all. */
public record ProjectFilter(int year, WorkArea area, String unit, String township, ProjectStatus status, Light light,
        Boolean planned) {

    public static ProjectFilter all(int year) {
        return new ProjectFilter(year, null, null, null, null, null, null);
    }

    /** The same filter, for projects whose light is {@code light}. */
    public ProjectFilter withLight(Light light) {
        return new ProjectFilter(year, area, unit, township, status, light, planned);
    }

    /** Whether it names a unit, a township, a work area or a light: the lists a {@link LiveTotals} index keeps. */
    public boolean namesAGroupOrLight() {
        return namesAGroup() || light != null;
    }

    /** Whether it names a unit, a township or a work area. */
    public boolean namesAGroup() {
        return unit != null || township != null || area != null;
    }

    /** Whether the view (of the filter's year) matches the other criteria. */
    public boolean matches(ProjectView view) {
        return (area == null || area == view.area())
                && (unit == null || unit.equals(view.unitId()))
                && (township == null || township.equals(view.township()))
                && (status == null || status == view.status())
                && (light == null || light == view.light())
                && (planned == null || planned == view.planned());
    }
}
