package pulse.server.web;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * A list of the API as {@link ListAnswer} pages it: its size, one page of its rows at a time (as
 * {@link Page} asks: a limit, and a cursor that names the last row seen by its key), or all of them
 * for a workbook. A list of a province's projects knows which projects there are from an index;
 * reading and deriving each project's view is the cost, so only the page's are.
 */
public interface Listing<R> {

    /** How many rows the whole list has. */
    int size();

    /** The page {@code limit} and {@code cursor} ask (either may be null), its rows made for it only. */
    Slice<R> page(String limit, String cursor);

    /** Every row, in list order. */
    List<R> all();

    /** A page's rows, and the cursor of the page after it (null on the last). */
    record Slice<R>(List<R> rows, String next) {}

    /** A list whose rows are all made already; each row is its own key. */
    static <R> Listing<R> of(List<R> rows) {
        return keyed(rows, page -> page);
    }

    /**
     * A list known by its keys in list order (a row's key stays the same when its figures change),
     * whose rows {@code make} makes from the keys of a page.
     */
    static <K, R> Listing<R> keyed(List<K> keys, Function<List<K>, List<R>> make) {
        return new Listing<>() {
            @Override
            public int size() {
                return keys.size();
            }

            @Override
            public Slice<R> page(String limit, String cursor) {
                Page page = Page.of(limit, cursor, keys);
                return new Slice<>(make.apply(keys.subList(page.from(), page.to())), page.next());
            }

            @Override
            public List<R> all() {
                return make.apply(keys);
            }
        };
    }

    /**
     * A list of {@code items} in {@code order}, put in order only as far as the page asked: its rows
     * are picked in one pass over the items ({@link OrderedListing}), not by sorting them all.
     * {@code key} names an item's row for the cursor and stays the same when the item's place does not.
     */
    static <K, R> Listing<R> ordered(List<K> items, Comparator<? super K> order, Function<? super K, ?> key,
            Function<List<K>, List<R>> make) {
        return new OrderedListing<>(items, order, key, make);
    }
}
