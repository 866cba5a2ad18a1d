package pulse.topology;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import pulse.model.Level;
import pulse.model.Light;
import pulse.model.ProjectStatus;
import pulse.model.ProjectView;
import pulse.model.Text;
import pulse.model.WorkArea;

/**
 * What {@code pulse.projects} carries for one project in one plan year: what the totals
 * ({@link TotalsBook}) and the screen need of it — its groups, what it adds to them, its light and
 * reasons — and nothing else. Reads derive the whole view from the project's state; every instance
 * reads every summary from the topic's start, so it stays small.
 *
 * @param reasons why its light is not green, as catalogue texts: put into words where they are
 *        shown ({@link #reasons(Locale)}), not for every event on the stream thread, where writing
 *        them in two languages took a seventh of its time
 * @param tally what the project adds to each of its groups
 */
public record ProjectSummary(String projectId, int year, String name, String unitId, String township, WorkArea area,
        Level level, ProjectStatus status, Light light, BigDecimal deviationPoints, BigDecimal completedThisYear,
        List<Text> reasons, Tally tally) {

    public ProjectSummary {
        reasons = List.copyOf(reasons);
    }

    /** The summary of a view whose reasons are already written out (a closed period's, an earlier version's). */
    public static ProjectSummary of(ProjectView view) {
        return new ProjectSummary(view.projectId(), view.year(), view.name(), view.unitId(), view.township(),
                view.area(), view.level(), view.status(), view.light(), view.deviationPoints(),
                view.completedThisYear(), asWritten(view.reasons(), view.reasonsEn()), Tally.of(view));
    }

    /** Reasons written out in Chinese and English, pair by pair, as texts that show them as they are. */
    public static List<Text> asWritten(List<String> chinese, List<String> english) {
        List<Text> reasons = new ArrayList<>(chinese.size());
        for (int i = 0; i < chinese.size(); i++) {
            reasons.add(Text.of("reason.asWritten", chinese.get(i), i < english.size() ? english.get(i) : chinese.get(i)));
        }
        return reasons;
    }

    /** The reasons in words, in {@code locale}. */
    public List<String> reasons(Locale locale) {
        return Text.in(reasons, locale);
    }
}
