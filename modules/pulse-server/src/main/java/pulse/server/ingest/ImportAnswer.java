package pulse.server.ingest;

import java.util.List;
import java.util.Map;

/**
 * What an import did, or (dry run) would do: each event row with what it changes, every error with
 * its place in the file, and the sheets and columns that were not read.
 */
public record ImportAnswer(
        boolean dryRun,
        boolean written,
        int eventsWritten,
        Counts counts,
        List<Line> lines,
        List<Problem> errors,
        List<String> skippedSheets,
        Map<String, List<String>> ignoredColumns) {

    /** Rows by what they change: {@code added} new, {@code changed} what is there, {@code unchanged} nothing. */
    public record Counts(int added, int changed, int unchanged, int errors) {}

    /** An event read from a row: what it is about ({@code item}: the month, milestone or plan year) and its change. */
    public record Line(String sheet, int row, String type, String projectId, String item, String change) {}

    /** An error at its place: sheet, row as the spreadsheet numbers it, column header (null: the whole row). */
    public record Problem(String sheet, int row, String column, String field, String value, String expected,
            String message) {}
}
