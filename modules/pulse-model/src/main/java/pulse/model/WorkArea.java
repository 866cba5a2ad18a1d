package pulse.model;

/** The seven work areas of the county's economic work report (section 二). */
public enum WorkArea {
    RURAL("乡村振兴", "Rural revitalisation"),
    ECONOMY("县域经济", "County economy"),
    REFORM("改革与营商环境", "Reform and business environment"),
    URBAN("城镇化建设", "Urbanisation"),
    ECOLOGY("生态环保", "Ecology"),
    LIVELIHOOD("民生", "Livelihood"),
    GOVERNANCE("治理与风险", "Governance and risk");

    public final String zh;
    public final String en;

    WorkArea(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }
}
