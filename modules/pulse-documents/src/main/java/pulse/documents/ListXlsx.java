package pulse.documents;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Any list the API answers, as a one-sheet workbook with Chinese headers: each row a record (or a
 * JSON object), each field a column, a nested record's fields as columns of their own (合计·年度计划),
 * a map of amounts (a project's months) as one column per key. Numbers stay numbers: money with two
 * decimals, rates as percentages; lists of words are joined. Pure: rows in, bytes out.
 */
public final class ListXlsx {

    /** The kind of a column, which decides how its numbers are shown. */
    enum Kind { TEXT, MONEY, RATE, COUNT }

    record Column(String header, Kind kind) {}

    /** Fields that repeat another in English for an English screen: a Chinese sheet leaves them out. */
    static final java.util.Set<String> ENGLISH_ONLY = java.util.Set.of("reasonsEn");

    private ListXlsx() {}

    public static byte[] write(String sheetName, Collection<?> rows) {
        List<Map<String, Object>> flat = new ArrayList<>();
        for (Object row : rows) {
            Map<String, Object> cells = new LinkedHashMap<>();
            flatten("", row, cells);
            flat.add(cells);
        }
        Map<String, Column> columns = new LinkedHashMap<>();
        flat.forEach(cells -> cells.forEach((key, value) -> columns.computeIfAbsent(key, k -> column(k, value))));
        return workbook(sheetName, columns, flat);
    }

    /** The column of a flattened field: its Chinese name and, from its name and value, its kind. */
    static Column column(String key, Object value) {
        String field = key.contains(".") ? key.substring(key.lastIndexOf('.') + 1) : key;
        String header = key.contains(".")
                ? ColumnNames.zh(key.substring(0, key.indexOf('.'))) + "·" + ColumnNames.zh(field) : ColumnNames.zh(field);
        Kind kind;
        if (value instanceof BigDecimal) {
            kind = field.endsWith("Rate") || field.equals("achievement") ? Kind.RATE : Kind.MONEY;
        } else if (value instanceof Number) {
            kind = Kind.COUNT;
        } else {
            kind = Kind.TEXT;
        }
        return new Column(header, kind);
    }

    private static void flatten(String prefix, Object value, Map<String, Object> cells) {
        if (value instanceof Record record) {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                if (ENGLISH_ONLY.contains(component.getName())) {
                    continue;
                }
                Object field = read(component, record);
                String key = prefix + component.getName();
                if (field instanceof Record) {
                    flatten(key + ".", field, cells);
                } else {
                    put(key, field, cells);
                }
            }
        } else if (value instanceof JsonNode node && node.isObject()) {
            node.fields().forEachRemaining(entry -> put(prefix + entry.getKey(), json(entry.getValue()), cells));
        } else {
            put(prefix.isEmpty() ? "value" : prefix, value, cells);
        }
    }

    /** A field's cell, or for a map of amounts one cell per key (a project's months as 2022-01, 2022-02, …). */
    private static void put(String key, Object value, Map<String, Object> cells) {
        if (value instanceof Map<?, ?> map && !map.isEmpty() && map.values().stream().allMatch(v -> v instanceof BigDecimal)) {
            Map<String, Object> amounts = new TreeMap<>();
            map.forEach((k, amount) -> amounts.put(String.valueOf(k), amount));
            cells.putAll(amounts);
        } else if (value instanceof Collection<?> list) {
            cells.put(key, list.stream().map(ListXlsx::words).collect(Collectors.joining("；")));
        } else if (value instanceof Map<?, ?> map) {
            cells.put(key, map.entrySet().stream().map(e -> e.getKey() + "：" + words(e.getValue()))
                    .collect(Collectors.joining("；")));
        } else {
            cells.put(key, value);
        }
    }

    /** An item of a list as words: a record by its name or text, an enum by its Chinese name, anything else as written. */
    private static String words(Object item) {
        if (item instanceof Enum<?> e) {
            return ColumnNames.label(e);
        }
        if (item instanceof Record record) {
            for (String name : new String[] {"name", "text"}) {
                for (RecordComponent component : record.getClass().getRecordComponents()) {
                    if (component.getName().equals(name)) {
                        return String.valueOf(read(component, record));
                    }
                }
            }
        }
        return String.valueOf(item);
    }

    private static Object json(JsonNode value) {
        if (value.isNumber()) {
            return value.isIntegralNumber() ? (Object) value.longValue() : value.decimalValue();
        }
        return value.isTextual() ? value.asText() : value.isNull() ? null : value.toString();
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component.getName(), e);
        }
    }

    private static byte[] workbook(String sheetName, Map<String, Column> columns, List<Map<String, Object>> rows) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Map<Kind, CellStyle> styles = styles(workbook);
            SXSSFSheet sheet = workbook.createSheet(sheetName);
            sheet.createFreezePane(0, 1);
            List<String> keys = new ArrayList<>(columns.keySet());
            Row header = sheet.createRow(0);
            for (int c = 0; c < keys.size(); c++) {
                Cell cell = header.createCell(c);
                cell.setCellValue(columns.get(keys.get(c)).header());
                cell.setCellStyle(styles.get(Kind.TEXT));
                sheet.setColumnWidth(c, Math.min(60, Math.max(10, columns.get(keys.get(c)).header().length() * 2 + 4)) * 256);
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < keys.size(); c++) {
                    Object value = rows.get(r).get(keys.get(c));
                    if (value == null) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    if (value instanceof Number number) {
                        cell.setCellValue(number.doubleValue());   // Excel's numbers are doubles: shown to the cent
                        cell.setCellStyle(styles.get(columns.get(keys.get(c)).kind()));
                    } else {
                        cell.setCellValue(value instanceof Enum<?> e ? ColumnNames.label(e) : String.valueOf(value));
                    }
                }
            }
            workbook.write(out);
            workbook.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<Kind, CellStyle> styles(SXSSFWorkbook workbook) {
        Font bold = workbook.createFont();
        bold.setBold(true);
        CellStyle header = workbook.createCellStyle();
        header.setFont(bold);
        CellStyle money = workbook.createCellStyle();
        money.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
        CellStyle rate = workbook.createCellStyle();
        rate.setDataFormat(workbook.createDataFormat().getFormat("0.00%"));
        CellStyle count = workbook.createCellStyle();
        count.setDataFormat(workbook.createDataFormat().getFormat("0"));
        return Map.of(Kind.TEXT, header, Kind.MONEY, money, Kind.RATE, rate, Kind.COUNT, count);
    }
}
