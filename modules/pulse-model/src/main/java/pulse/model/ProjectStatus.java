package pulse.model;

/** 前期 → 在建 → 竣工 → 投运, or 停工 while suspended. */
public enum ProjectStatus {
    PREPARING("前期"),
    UNDER_CONSTRUCTION("在建"),
    COMPLETED("竣工"),
    OPERATING("投运"),
    SUSPENDED("停工");

    public final String zh;

    ProjectStatus(String zh) {
        this.zh = zh;
    }
}
