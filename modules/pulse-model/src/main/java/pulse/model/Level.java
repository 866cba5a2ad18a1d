package pulse.model;

/** Which government lists the project as key: 省级, 市级 or 县级. */
public enum Level {
    PROVINCE("省级"),
    CITY("市级"),
    COUNTY("县级");

    public final String zh;

    Level(String zh) {
        this.zh = zh;
    }
}
