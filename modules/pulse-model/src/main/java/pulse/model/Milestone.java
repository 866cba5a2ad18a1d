package pulse.model;

/** The milestones a project can reach, in the order they usually come. */
public enum Milestone {
    APPROVED("立项审批完成"),
    STARTED("开工"),
    STRUCTURE_DONE("主体完工"),
    COMPLETED("竣工"),
    IN_OPERATION("投产投运"),
    OPEN_TO_TRAFFIC("通车");

    public final String zh;

    Milestone(String zh) {
        this.zh = zh;
    }
}
