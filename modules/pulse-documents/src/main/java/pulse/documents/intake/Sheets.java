package pulse.documents.intake;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * The sheets of an uploaded file as rows of text cells, the way the person who filled it in sees
 * them numbered: an .xlsx read with POI's streaming (SAX) reader, so a large sheet is never held as
 * a workbook in memory, or a .csv in UTF-8 (with or without BOM) or GBK. Numbers come out as plain
 * decimals (no grouping, no exponent), date cells as ISO dates; formatting is ignored.
 */
public final class Sheets {

    /** The most data rows (all sheets together) one upload may hold. */
    public static final int MAX_ROWS = 20_000;

    /** One sheet: its name, its header (row 1), and its non-blank data rows. */
    public record Sheet(String name, List<String> header, List<Row> rows) {}

    /** A data row: its number as the spreadsheet shows it (the header is row 1), cells by column (null: blank). */
    public record Row(int number, List<String> cells) {
        public String cell(int column) {
            return column < cells.size() ? cells.get(column) : null;
        }
    }

    /** A file that is not a readable .xlsx or .csv. */
    public static final class UnreadableException extends RuntimeException {
        public UnreadableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A file with more than {@link #MAX_ROWS} data rows; reading stops there. */
    public static final class TooManyRowsException extends RuntimeException {
        public TooManyRowsException() {
            super("more than " + MAX_ROWS + " rows");
        }
    }

    private Sheets() {}

    /** Reads {@code bytes}; {@code fileName} tells a .csv from an .xlsx (an .xlsx is also known by its zip signature). */
    public static List<Sheet> read(byte[] bytes, String fileName) {
        boolean zip = bytes.length > 3 && bytes[0] == 'P' && bytes[1] == 'K';
        String lower = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (zip || lower.endsWith(".xlsx")) {
            return xlsx(bytes);
        }
        return List.of(csv(bytes, sheetName(fileName)));
    }

    private static String sheetName(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            return "CSV";
        }
        String base = fileName.replaceAll(".*[/\\\\]", "");
        return base.contains(".") ? base.substring(0, base.lastIndexOf('.')) : base;
    }

    // ---- .xlsx

    private static List<Sheet> xlsx(byte[] bytes) {
        List<Sheet> sheets = new ArrayList<>();
        int[] rowsSoFar = {0};
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(bytes))) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (it.hasNext()) {
                try (InputStream in = it.next()) {
                    Collector collector = new Collector(rowsSoFar);
                    XMLReader parser = XMLHelper.newXMLReader();
                    parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings, collector,
                            new PlainFormatter(), false));
                    parser.parse(new InputSource(in));
                    sheets.add(collector.sheet(it.getSheetName()));
                }
            }
        } catch (TooManyRowsException e) {
            throw e;
        } catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException | RuntimeException e) {
            throw new UnreadableException("not a readable .xlsx workbook (" + e.getMessage() + ")", e);
        }
        return sheets;
    }

    /** Gathers one sheet's rows from POI's streaming handler. */
    private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final int[] rowsSoFar;
        private List<String> header;
        private final List<Row> rows = new ArrayList<>();
        private List<String> cells;

        Collector(int[] rowsSoFar) {
            this.rowsSoFar = rowsSoFar;
        }

        @Override
        public void startRow(int rowNum) {
            cells = new ArrayList<>();
        }

        @Override
        public void endRow(int rowNum) {
            if (cells.stream().allMatch(cell -> cell == null)) {
                return;
            }
            if (header == null && rowNum == 0) {
                header = cells;
            } else {
                if (header == null) {
                    header = List.of();   // row 1 was blank: no header, every row an error later
                }
                if (++rowsSoFar[0] > MAX_ROWS) {
                    throw new TooManyRowsException();
                }
                rows.add(new Row(rowNum + 1, cells));
            }
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = new CellReference(reference).getCol();
            while (cells.size() <= column) {
                cells.add(null);
            }
            cells.set(column, blankToNull(value));
        }

        Sheet sheet(String name) {
            return new Sheet(name, header == null ? List.of() : header, rows);
        }
    }

    /** Numbers as plain decimals to 15 significant digits (what Excel keeps), dates as ISO dates. */
    private static final class PlainFormatter extends DataFormatter {
        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value, use1904).toLocalDate().toString();
            }
            return plain(value);
        }
    }

    static String plain(double value) {
        return new BigDecimal(value, new MathContext(15)).stripTrailingZeros().toPlainString();
    }

    // ---- .csv

    private static Sheet csv(byte[] bytes, String name) {
        List<String> header = null;
        List<Row> rows = new ArrayList<>();
        try (Reader reader = new InputStreamReader(new ByteArrayInputStream(bytes), charset(bytes));
                CSVParser parser = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get().parse(reader)) {
            for (CSVRecord record : parser) {
                List<String> cells = new ArrayList<>(record.size());
                record.forEach(cell -> cells.add(blankToNull(cell)));
                if (header == null && record.getRecordNumber() == 1) {
                    header = cells;
                    continue;
                }
                if (cells.stream().allMatch(cell -> cell == null)) {
                    continue;
                }
                if (rows.size() >= MAX_ROWS) {
                    throw new TooManyRowsException();
                }
                rows.add(new Row((int) record.getRecordNumber(), cells));
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw new UnreadableException("not a readable .csv file (" + e.getMessage() + ")", e);
        }
        return new Sheet(name, header == null ? List.of() : header, rows);
    }

    /** UTF-8 if the bytes are valid UTF-8 (a BOM is skipped by the parser's reader below), else GBK (GB18030). */
    static Charset charset(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return Charset.forName("GB18030");
        }
    }

    private static String blankToNull(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        if (!trimmed.isEmpty() && trimmed.charAt(0) == '\uFEFF') {
            trimmed = trimmed.substring(1).strip();
        }
        return trimmed.isEmpty() ? null : trimmed;
    }
}
