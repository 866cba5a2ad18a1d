package pulse.server.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import pulse.model.FieldError;
import pulse.model.InvalidInputException;
import pulse.model.Text;

/**
 * One page of a list, as {@code ?limit=} (default {@value #DEFAULT_LIMIT}, at most {@value #MAX_LIMIT})
 * and {@code ?cursor=} (from the previous page's {@code X-Next-Cursor}) ask. The cursor names the
 * last row seen, by its key ({@link Listing#keys()}: a project's id for a list of projects, so a row
 * whose figures changed is still found): the next page goes on after that row wherever it now
 * stands, so rows added or removed before it neither repeat nor get skipped; only if that row itself
 * left does it go on by position.
 *
 * @param from index of the first row of the page
 * @param to index after its last row
 * @param next the cursor of the next page; null on the last one
 */
public record Page(int from, int to, String next) {

    public static final int DEFAULT_LIMIT = 200;
    public static final int MAX_LIMIT = 1000;
    public static final String LIMIT_DOC = "Rows per page: 1 to 1000, default 200 (the whole list's size is in X-Total-Count)";
    public static final String CURSOR_DOC = "The previous page's X-Next-Cursor: goes on after the last row seen";

    /** The page {@code limit} and {@code cursor} (either may be null) ask of a list whose rows' keys are {@code rows}. */
    public static Page of(String limitParameter, String cursorParameter, List<?> rows) {
        int limit = limit(limitParameter);
        int from = start(cursor(cursorParameter), rows);
        int to = Math.min(rows.size(), from + limit);
        return new Page(from, to, to < rows.size() ? cursor(to, rows.get(to - 1)) : null);
    }

    /**
     * Where a cursor says the page before ended: the position after its last row, and the hash of
     * that row's key.
     */
    record Cursor(int position, int keyHash) {}

    /** The rows a page has, {@code ?limit=}; refused when it is not 1 to {@value #MAX_LIMIT}. */
    static int limit(String text) {
        if (text == null) {
            return DEFAULT_LIMIT;
        }
        if (text.matches("\\d{1,4}")) {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        }
        throw new InvalidInputException(new FieldError("limit", "\"" + text + "\"", Text.of("page.limit", MAX_LIMIT)));
    }

    private static int start(Cursor cursor, List<?> rows) {
        if (cursor == null) {
            return 0;
        }
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).hashCode() == cursor.keyHash()) {
                return i + 1;
            }
        }
        return Math.min(cursor.position(), rows.size());
    }

    /** The cursor {@code ?cursor=} gives; null when there is none; refused when it is not one this class made. */
    static Cursor cursor(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":");
        } catch (IllegalArgumentException e) {
            parts = new String[0];
        }
        if (parts.length != 2 || !parts[0].matches("\\d{1,9}") || !parts[1].matches("-?\\d{1,10}")) {
            throw new InvalidInputException(new FieldError("cursor", "\"" + cursor + "\"", Text.of("page.cursor")));
        }
        return new Cursor(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    }

    /** The cursor of the page after one that ended at {@code position} with the row keyed {@code lastRow}. */
    static String cursor(int position, Object lastRow) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((position + ":" + lastRow.hashCode()).getBytes(StandardCharsets.UTF_8));
    }
}
