package pulse.server.query;

import java.time.LocalDate;
import pulse.model.IssueKind;

/**
 * One blocker (问题清单) of the county-wide list, with its project, its owner, how old it is and how
 * late; {@code resolvedOn} and {@code resolution} are set once it is solved.
 *
 * @param ageDays days from raised to solved, or to today while open
 * @param overdueDays days past the due date while open (0 when not late or no due date)
 */
public record IssueLine(String projectId, String projectName, String projectUnit, String issueId, IssueKind kind,
        String text, String ownerUnit, LocalDate raisedOn, LocalDate dueDate, long ageDays, long overdueDays,
        LocalDate resolvedOn, String resolution) {}
