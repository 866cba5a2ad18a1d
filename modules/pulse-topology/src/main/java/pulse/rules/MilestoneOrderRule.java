package pulse.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import pulse.model.Messages;
import pulse.model.Text;
import pulse.model.Milestone;

/**
 * Milestones come in order: 立项 ≤ 开工 ≤ 主体完工 ≤ 竣工 ≤ 投产投运 and 通车. A milestone dated before one
 * that must precede it (竣工 before 开工, 投产 before 竣工), or after one that must follow it, is refused.
 */
public final class MilestoneOrderRule {

    private static final List<Milestone> ORDER = List.of(Milestone.APPROVED, Milestone.STARTED,
            Milestone.STRUCTURE_DONE, Milestone.COMPLETED, Milestone.IN_OPERATION);

    private MilestoneOrderRule() {}

    /** What the date of {@code milestone} should have been, or empty when it fits the milestones reached. */
    public static Optional<Text> refusal(Milestone milestone, LocalDate date, Map<Milestone, LocalDate> reached) {
        for (Map.Entry<Milestone, LocalDate> other : reached.entrySet()) {
            int order = Integer.compare(rank(milestone), rank(other.getKey()));
            if (order > 0 && date.isBefore(other.getValue())) {
                return Optional.of(Text.of("rule.milestone.notBefore", other.getValue(), Messages.name(other.getKey()),
                        Messages.name(milestone)));
            }
            if (order < 0 && date.isAfter(other.getValue())) {
                return Optional.of(Text.of("rule.milestone.notAfter", other.getValue(), Messages.name(other.getKey()),
                        Messages.name(milestone)));
            }
        }
        return Optional.empty();
    }

    /** 通车 ranks with 投产投运: both follow 竣工, in either order. */
    private static int rank(Milestone milestone) {
        return milestone == Milestone.OPEN_TO_TRAFFIC ? ORDER.indexOf(Milestone.IN_OPERATION) : ORDER.indexOf(milestone);
    }
}
