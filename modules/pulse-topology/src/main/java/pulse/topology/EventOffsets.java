package pulse.topology;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * A project's event offsets on {@code pulse.events}, oldest first, held in one array and read-only.
 * Every event reads its project's state, and the write path reads it for every report it checks:
 * a boxed {@code Long} per offset in a list was a tenth of what the write path allocated.
 */
public final class EventOffsets extends AbstractList<Long> implements RandomAccess {

    private static final EventOffsets NONE = new EventOffsets(new long[0]);

    private final long[] offsets;

    private EventOffsets(long[] offsets) {
        this.offsets = offsets;
    }

    /** The offsets in {@code offsets}, which this list now owns. */
    static EventOffsets of(long[] offsets) {
        return offsets.length == 0 ? NONE : new EventOffsets(offsets);
    }

    /** {@code offsets} with {@code offset} after them. */
    static EventOffsets append(List<Long> offsets, long offset) {
        int size = offsets.size();
        long[] more = new long[size + 1];
        if (offsets instanceof EventOffsets compact) {
            System.arraycopy(compact.offsets, 0, more, 0, size);
        } else {
            for (int i = 0; i < size; i++) {
                more[i] = offsets.get(i);
            }
        }
        more[size] = offset;
        return new EventOffsets(more);
    }

    @Override
    public Long get(int index) {
        return offsets[index];
    }

    @Override
    public int size() {
        return offsets.length;
    }
}
