package pulse.topology;

/**
 * Keys of the history store: {@code projectId|offset}, the offset zero-padded so that a prefix
 * scan over one project returns its events in the order they were written.
 */
public final class HistoryKeys {

    private HistoryKeys() {}

    public static String of(String projectId, long offset) {
        String digits = Long.toString(offset);
        return prefix(projectId) + "0".repeat(19 - digits.length()) + digits;
    }

    /** Every key of one project starts with this (project ids cannot contain '|'). */
    public static String prefix(String projectId) {
        return projectId + "|";
    }

    public static long offset(String key) {
        return Long.parseLong(key.substring(key.lastIndexOf('|') + 1));
    }
}
