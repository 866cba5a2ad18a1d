package pulse.model;

import java.util.List;

/** The milestones a project can reach, in the order they usually come. */
public enum Milestone {
    APPROVED("立项审批完成"),
    STARTED("开工"),
    STRUCTURE_DONE("主体完工"),
    COMPLETED("竣工"),
    IN_OPERATION("投产投运"),
    OPEN_TO_TRAFFIC("通车");

    public final String zh;

    /** Any of these reached means the project has started (开工). */
    public static final List<Milestone> STARTED_BY =
            List.of(STARTED, STRUCTURE_DONE, COMPLETED, IN_OPERATION, OPEN_TO_TRAFFIC);
    /** Any of these reached means the project is completed (竣工). */
    public static final List<Milestone> COMPLETED_BY = List.of(COMPLETED, IN_OPERATION, OPEN_TO_TRAFFIC);

    Milestone(String zh) {
        this.zh = zh;
    }
}
