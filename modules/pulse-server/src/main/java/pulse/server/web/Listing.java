package pulse.server.web;

import java.util.List;
import java.util.function.Function;

/**
 * A list of the API as {@link ListAnswer} pages it: its rows' keys in order, which a cursor names
 * and whose count is the list's size, and its rows, made for the keys of the page asked only (all
 * of them for a workbook). A list of a province's projects knows which projects and in what order
 * from an index; reading and deriving each project's view is the cost, so only the page's are.
 */
public interface Listing<R> {

    /** The rows' keys in list order: a row's key stays the same when its figures change. */
    List<?> keys();

    /** The rows of keys {@code from} (inclusive) to {@code to}: one per key, less any that left the list meanwhile. */
    List<R> rows(int from, int to);

    /** A list whose rows are all made already; each row is its own key. */
    static <R> Listing<R> of(List<R> rows) {
        return keyed(rows, page -> page);
    }

    /** A list known by its keys, whose rows {@code make} makes from the keys of a page. */
    static <K, R> Listing<R> keyed(List<K> keys, Function<List<K>, List<R>> make) {
        return new Listing<>() {
            @Override
            public List<?> keys() {
                return keys;
            }

            @Override
            public List<R> rows(int from, int to) {
                return make.apply(keys.subList(from, to));
            }
        };
    }
}
