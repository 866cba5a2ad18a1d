package pulse.documents.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import pulse.documents.intake.Column.Type;
import pulse.documents.intake.Sheets.Row;
import pulse.documents.intake.Sheets.Sheet;
import pulse.model.EventReader;
import pulse.model.FieldError;
import pulse.model.InvalidInputException;
import pulse.model.Level;
import pulse.model.Milestone;
import pulse.model.PulseEvent;
import pulse.model.Text;
import pulse.model.WorkArea;

/**
 * Spreadsheet rows turned into events, or into errors that name the sheet, the row and the column.
 * Each row becomes the same JSON event the API takes (so the model's {@link EventReader} checks it
 * exactly as it checks any write); values are first brought into that form as a person types them
 * in Excel (领域 in Chinese, 2022/3/15 or a date cell, 1,234.5). Pure: sheets in, events and errors out.
 */
public final class Intake {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Pattern MONTH = Pattern.compile("(\\d{4})\\s*(?:[-/.年])\\s*(\\d{1,2})\\s*月?(?:[-/.]\\d{1,2}日?)?");
    private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");

    /** An event read from a row, with the header of the column each of its fields came from. */
    public record RowEvent(String sheet, int row, PulseEvent event, Map<String, String> columns) {

        /** An error the server found in this row's event (its field named without prefix), placed in the sheet. */
        public RowError error(FieldError error) {
            return new RowError(sheet, row, columnOf(error.field(), columns), error);
        }
    }

    /** What is wrong, where: sheet, row (as the spreadsheet numbers it), column header (null: the row as a whole). */
    public record RowError(String sheet, int row, String column, FieldError error) {

        /** 「月报」第5行「本月完成投资（万元）」：… in Chinese; Sheet "月报", row 5, column "…": … in English. */
        public String message(java.util.Locale locale) {
            Text place = column == null ? Text.of("intake.placeRow", sheet, row) : Text.of("intake.place", sheet, row, column);
            return place.in(locale) + error.message(locale);
        }
    }

    /**
     * The outcome of reading a file: the events in file order, the errors, the sheets that were not
     * import sheets (no 项目编号 column, e.g. a template's 填表说明) and columns that were not used.
     */
    public record Result(List<RowEvent> events, List<RowError> errors, List<String> skippedSheets,
            Map<String, List<String>> ignoredColumns) {}

    private Intake() {}

    public static Result read(List<Sheet> sheets, EventReader reader) {
        List<RowEvent> events = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Map<String, List<String>> ignored = new LinkedHashMap<>();
        for (Sheet sheet : sheets) {
            boolean hasId = sheet.header().stream().anyMatch(h -> Column.normalized("项目编号").equals(Column.normalized(h)));
            Optional<ImportKind> kind = ImportKind.of(sheet.header());
            if (!hasId) {
                if (kind.isPresent() || !sheet.rows().isEmpty() && sheet.header().isEmpty()) {
                    errors.add(new RowError(sheet.name(), 1, "项目编号", new FieldError("projectId", null,
                            Text.of("intake.idColumn"))));
                } else {
                    skipped.add(sheet.name());
                }
                continue;
            }
            if (kind.isEmpty()) {
                errors.add(new RowError(sheet.name(), 1, null, new FieldError("header", String.join(",", nonNull(sheet.header())),
                        Text.of("intake.headers"))));
                continue;
            }
            readSheet(sheet, kind.get(), reader, events, errors, ignored);
        }
        return new Result(events, errors, skipped, ignored);
    }

    private static void readSheet(Sheet sheet, ImportKind kind, EventReader reader, List<RowEvent> events,
            List<RowError> errors, Map<String, List<String>> ignored) {
        Map<Column, Integer> at = new LinkedHashMap<>();
        List<String> unused = new ArrayList<>();
        for (int i = 0; i < sheet.header().size(); i++) {
            String header = sheet.header().get(i);
            if (header == null) {
                continue;
            }
            Optional<Column> column = kind.columns.stream()
                    .filter(c -> Column.normalized(c.header()).equals(Column.normalized(header))).findFirst();
            if (column.isPresent() && !at.containsKey(column.get())) {
                at.put(column.get(), i);
            } else {
                unused.add(header);
            }
        }
        if (!unused.isEmpty()) {
            ignored.put(sheet.name(), unused);
        }
        boolean missing = false;
        for (Column column : kind.columns) {
            if (column.required() && !at.containsKey(column)) {
                errors.add(new RowError(sheet.name(), 1, column.header(), new FieldError(column.field(), null,
                        Text.of("intake.column", column.header()))));
                missing = true;
            }
        }
        if (missing) {
            return;
        }
        Map<String, String> headers = headers(at);
        for (Row row : sheet.rows()) {
            for (ObjectNode node : nodes(kind, row, at)) {
                try {
                    PulseEvent event = reader.read(node, "");
                    events.add(new RowEvent(sheet.name(), row.number(), event, headers));
                } catch (InvalidInputException e) {
                    e.errors().forEach(error -> errors.add(new RowError(sheet.name(), row.number(),
                            columnOf(error.field(), headers), error)));
                }
            }
        }
    }

    /** The events of one row: one; for a report row a figure, a milestone, both, or none when nothing was filled in. */
    private static List<ObjectNode> nodes(ImportKind kind, Row row, Map<Column, Integer> at) {
        return switch (kind) {
            case PROJECTS -> List.of(event("ProjectRegistered", row, at, null));
            case PLANS -> List.of(event("AnnualPlanSet", row, at, null));
            case REPORTS -> {
                // A template's prefilled row (项目编号, 月份) with nothing typed in reports nothing.
                boolean figure = filled(row, at, "amount") || filled(row, at, "reason") || filled(row, at, "confirm");
                boolean milestone = filled(row, at, "milestone") || filled(row, at, "date") || filled(row, at, "note");
                List<ObjectNode> nodes = new ArrayList<>();
                if (figure) {
                    nodes.add(event("InvestmentReported", row, at, List.of("period", "amount", "reason", "confirm")));
                }
                if (milestone) {
                    nodes.add(event("MilestoneReached", row, at, List.of("milestone", "date", "note")));
                }
                yield nodes;
            }
        };
    }

    private static boolean filled(Row row, Map<Column, Integer> at, String field) {
        return at.entrySet().stream().anyMatch(e -> field.equals(e.getKey().field()) && row.cell(e.getValue()) != null);
    }

    /** One event's JSON from a row; {@code only}: the fields of this event when a row holds two (else all). */
    private static ObjectNode event(String type, Row row, Map<Column, Integer> at, List<String> only) {
        ObjectNode node = JSON.objectNode();
        node.put("type", type);
        BigDecimal[] months = new BigDecimal[12];
        JsonNode[] monthNodes = new JsonNode[12];
        boolean anyMonth = false;
        for (Map.Entry<Column, Integer> entry : at.entrySet()) {
            Column column = entry.getKey();
            String text = row.cell(entry.getValue());
            if (column.field() == null || text == null
                    || only != null && !only.contains(column.field()) && !"projectId".equals(column.field())) {
                continue;
            }
            JsonNode value = value(column.type(), text);
            if (column.field().startsWith("monthlyPlan[")) {
                int month = Integer.parseInt(column.field().replaceAll("\\D", ""));
                monthNodes[month] = value;
                months[month] = value.isNumber() ? value.decimalValue() : null;
                anyMonth = true;
            } else if (column.field().startsWith("plannedMilestones.")) {
                ObjectNode planned = node.has("plannedMilestones") ? (ObjectNode) node.get("plannedMilestones")
                        : node.putObject("plannedMilestones");
                planned.set(column.field().substring("plannedMilestones.".length()), value);
            } else {
                node.set(column.field(), value);
            }
        }
        if (anyMonth) {
            // A month left blank in a plan that gives months is a month with nothing planned.
            var array = node.putArray("monthlyPlan");
            for (int month = 0; month < 12; month++) {
                array.add(monthNodes[month] == null ? JSON.numberNode(BigDecimal.ZERO) : monthNodes[month]);
            }
        }
        return node;
    }

    /** A cell's text as the JSON value the event takes, when it can be read so; else the text itself (refused, and shown). */
    static JsonNode value(Type type, String text) {
        return switch (type) {
            case MONEY -> number(text.replace(",", "").replace("，", "")).<JsonNode>map(JSON::numberNode)
                    .orElse(JSON.textNode(text));
            case YEAR -> number(text).filter(n -> n.stripTrailingZeros().scale() <= 0)
                    .<JsonNode>map(n -> JSON.numberNode(n.intValueExact())).orElse(JSON.textNode(text));
            case MONTH -> JSON.textNode(month(text));
            case DATE -> JSON.textNode(date(text));
            case AREA -> JSON.textNode(choice(text, WorkArea.values(), a -> a.zh, a -> a.en));
            case LEVEL -> JSON.textNode(choice(text, Level.values(), l -> l.zh, l -> l.zh));
            case MILESTONE -> JSON.textNode(choice(text, Milestone.values(), m -> m.zh, m -> m.zh));
            case FLAG -> List.of("是", "y", "yes", "true", "1", "√").contains(text.toLowerCase(java.util.Locale.ROOT))
                    ? JSON.booleanNode(true)
                    : List.of("否", "n", "no", "false", "0").contains(text.toLowerCase(java.util.Locale.ROOT))
                            ? JSON.nullNode() : JSON.textNode(text);
            case TEXT, INFO -> JSON.textNode(text);
        };
    }

    private static Optional<BigDecimal> number(String text) {
        try {
            return Optional.of(new BigDecimal(text.strip()));
        } catch (NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    /** 2022-06, 2022/6, 2022年6月, 2022.6 or a date in the month (a month typed into Excel becomes one) → 2022-06. */
    static String month(String text) {
        Matcher m = MONTH.matcher(text.strip());
        if (m.matches()) {
            int month = Integer.parseInt(m.group(2));
            if (month >= 1 && month <= 12) {
                return YearMonth.of(Integer.parseInt(m.group(1)), month).toString();
            }
        }
        if (text.strip().matches("\\d{6}")) {
            return text.strip().substring(0, 4) + "-" + text.strip().substring(4);
        }
        return text;
    }

    /** 2022-03-15, 2022/3/15, 2022年3月15日 or 2022.3.15 → 2022-03-15. */
    static String date(String text) {
        Matcher m = DATE.matcher(text.strip());
        if (m.matches()) {
            try {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3))).toString();
            } catch (java.time.DateTimeException e) {
                return text;
            }
        }
        return text;
    }

    private static <E extends Enum<E>> String choice(String text, E[] values, java.util.function.Function<E, String> zh,
            java.util.function.Function<E, String> en) {
        for (E value : values) {
            if (zh.apply(value).equals(text) || value.name().equalsIgnoreCase(text) || en.apply(value).equalsIgnoreCase(text)) {
                return value.name();
            }
        }
        return text;
    }

    private static Map<String, String> headers(Map<Column, Integer> at) {
        Map<String, String> headers = new LinkedHashMap<>();
        at.keySet().forEach(column -> {
            if (column.field() != null) {
                headers.put(column.field(), column.header());
            }
        });
        return headers;
    }

    /**
     * The column an error's field came from: the field's own, or for the whole monthly plan its first
     * and last month ("1月计划（万元）…12月计划（万元）"); null when no column fed it.
     */
    static String columnOf(String field, Map<String, String> headers) {
        if (field == null) {
            return null;
        }
        if (headers.containsKey(field)) {
            return headers.get(field);
        }
        if ("monthlyPlan".equals(field)) {
            return ImportKind.monthHeader(0) + "…" + ImportKind.monthHeader(11);
        }
        if ("plannedMilestones".equals(field)) {
            return "计划节点";
        }
        return null;
    }

    private static List<String> nonNull(List<String> cells) {
        return cells.stream().filter(cell -> cell != null).toList();
    }
}
