package pulse.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import pulse.model.InvalidInputException;

/** A list whose pages are picked rather than sorted pages exactly as the same list sorted whole. */
class OrderedListingTest {

    private record Item(String id, int score) {}

    private static final Comparator<Item> ORDER = Comparator.comparingInt(Item::score).thenComparing(Item::id);

    private static Listing<String> picked(List<Item> items) {
        return Listing.ordered(items, ORDER, Item::id, page -> page.stream().map(Item::id).toList());
    }

    private static Listing<String> sortedWhole(List<Item> items) {
        return Listing.keyed(items.stream().sorted(ORDER).map(Item::id).toList(), page -> page);
    }

    /**
     * Random lists with many ties, walked page by page while items move, arrive and leave between
     * pages (the cursor's item too): every page, cursor and size is the sorted list's.
     */
    @Test
    void shouldPageAsTheWholeListSortedWhileItemsMoveArriveAndLeave() {
        Random random = new Random(2022);
        for (int round = 0; round < 200; round++) {
            List<Item> items = new ArrayList<>();
            int next = 0;
            for (int i = random.nextInt(40); i > 0; i--) {
                items.add(new Item("P" + next++, random.nextInt(8)));
            }
            String limit = String.valueOf(1 + random.nextInt(7));
            String cursor = null;
            for (int page = 0; page < 12; page++) {
                Listing.Slice<String> expected = sortedWhole(items).page(limit, cursor);
                Listing.Slice<String> actual = picked(items).page(limit, cursor);
                assertThat(actual).as("round %d, page %d of %s", round, page, items).isEqualTo(expected);
                assertThat(picked(items).size()).isEqualTo(items.size());
                if (expected.next() == null) {
                    break;
                }
                cursor = expected.next();
                if (!items.isEmpty() && random.nextBoolean()) {
                    items.set(random.nextInt(items.size()), new Item(items.get(random.nextInt(items.size())).id(), random.nextInt(8)));
                }
                if (random.nextInt(3) == 0) {
                    items.add(new Item("P" + next++, random.nextInt(8)));
                }
                if (!items.isEmpty() && random.nextInt(3) == 0) {
                    items.remove(random.nextInt(items.size()));
                }
                items = new ArrayList<>(items.stream().collect(java.util.stream.Collectors.toMap(Item::id, item -> item,
                        (a, b) -> b, java.util.LinkedHashMap::new)).values());   // one item per id
            }
            assertThat(picked(items).all()).isEqualTo(sortedWhole(items).all());
        }
    }

    @Test
    void shouldRefuseWhatPageRefuses() {
        List<Item> items = List.of(new Item("a", 1), new Item("b", 2));
        for (String[] bad : new String[][] {{"0", null}, {"1001", null}, {null, "xyz"}}) {
            assertThatThrownBy(() -> picked(items).page(bad[0], bad[1])).isInstanceOf(InvalidInputException.class);
        }
        assertThat(picked(items).page(null, null).rows()).containsExactly("a", "b");
    }
}
