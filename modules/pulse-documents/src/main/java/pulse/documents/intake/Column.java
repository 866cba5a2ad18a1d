package pulse.documents.intake;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import pulse.model.Level;
import pulse.model.Milestone;
import pulse.model.WorkArea;

/**
 * One column of an import sheet: its Chinese header, the event field it fills (null: shown for
 * reference only, e.g. a report sheet's 项目名称), and the kind of value it holds.
 */
record Column(String header, String field, Type type, boolean required) {

    enum Type {
        TEXT, MONEY, YEAR, MONTH, DATE, AREA, LEVEL, MILESTONE, FLAG, INFO;

        /** The fixed values a person picks from (a validation list in the template), if any. */
        List<String> choices() {
            return switch (this) {
                case AREA -> Arrays.stream(WorkArea.values()).map(area -> area.zh).toList();
                case LEVEL -> Arrays.stream(Level.values()).map(level -> level.zh).toList();
                case MILESTONE -> Arrays.stream(Milestone.values()).map(milestone -> milestone.zh).toList();
                case FLAG -> List.of("是");
                default -> List.of();
            };
        }
    }

    /** A header as compared: without spaces, the unit 万元 and the kind of brackets around it. */
    static String normalized(String header) {
        if (header == null) {
            return "";
        }
        return header.replaceAll("\\s", "")
                .replaceAll("[（(]万元[）)]", "")
                .replace('（', '(').replace('）', ')')
                .toLowerCase(Locale.ROOT);
    }
}
