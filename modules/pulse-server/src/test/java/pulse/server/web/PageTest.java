package pulse.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import pulse.model.InvalidInputException;

/** Paging, without a server: the cursor goes on after the last row seen, wherever it now stands. */
class PageTest {

    /** The page a query string ({@code ?limit=2&cursor=...}) asks for. */
    private static Page page(String query, List<?> rows) {
        String limit = null;
        String cursor = null;
        for (String pair : query.replaceFirst("^\\?", "").split("&")) {
            if (pair.startsWith("limit=")) {
                limit = pair.substring(6);
            } else if (pair.startsWith("cursor=")) {
                cursor = pair.substring(7);
            }
        }
        return Page.of(limit, cursor, rows);
    }

    @Test
    void shouldPageByTheDefaultLimitAndSayWhereTheNextPageStarts() {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < 450; i++) {
            rows.add(i);
        }
        Page first = page("", rows);
        assertThat(first.from()).isZero();
        assertThat(first.to()).isEqualTo(Page.DEFAULT_LIMIT);
        Page second = page("?cursor=" + first.next(), rows);
        Page third = page("?cursor=" + second.next(), rows);
        assertThat(List.of(second.from(), second.to(), third.from(), third.to())).containsExactly(200, 400, 400, 450);
        assertThat(third.next()).isNull();
    }

    @Test
    void shouldGoOnAfterTheLastRowSeenWhenRowsAreAddedBeforeItAndByPositionWhenItLeft() {
        List<String> rows = new ArrayList<>(List.of("b", "c", "d", "e"));
        Page first = page("?limit=2", rows);   // b, c

        rows.add(0, "a");                        // added before the cursor's row
        Page afterInsert = page("?limit=2&cursor=" + first.next(), rows);
        assertThat(rows.subList(afterInsert.from(), afterInsert.to())).containsExactly("d", "e");

        rows.remove("c");                        // the cursor's row itself left: by position (2)
        Page afterRemoval = page("?limit=2&cursor=" + first.next(), rows);
        assertThat(rows.subList(afterRemoval.from(), afterRemoval.to())).containsExactly("d", "e");
    }

    @Test
    void shouldRefuseALimitOutOfRangeAndACursorItDidNotGive() {
        List<Integer> rows = List.of(1, 2, 3);
        for (String bad : List.of("?limit=0", "?limit=1001", "?limit=ten", "?cursor=xyz", "?cursor=bm90aGluZw")) {
            assertThatThrownBy(() -> page(bad, rows)).as(bad).isInstanceOf(InvalidInputException.class);
        }
        assertThat(page("?limit=1000", rows).to()).isEqualTo(3);
    }
}
