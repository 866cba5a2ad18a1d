package pulse.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** The county's five grades for how well a unit carries out its plan (五个等级). */
public enum Grade {
    EXCELLENT("落实好"),
    GOOD("落实较好"),
    FAIR("基本落实"),
    POOR("落实不力"),
    FAILING("落实较差");

    public final String zh;

    Grade(String zh) {
        this.zh = zh;
    }

    /** The contract writes grades by their Chinese names, as the county's notices do. */
    @JsonValue
    public String zh() {
        return zh;
    }
}
