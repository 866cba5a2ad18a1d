package pulse.server.query;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.NavigableMap;
import pulse.server.kafka.StoreUnavailableException;
import pulse.topology.Dimension;
import pulse.topology.GroupKey;
import pulse.topology.ProjectSummary;
import pulse.topology.Tally;
import pulse.topology.TotalsBook;

/**
 * This instance's totals of every group: a {@link TotalsBook} fed with {@code pulse.projects} from
 * its start by the push channel's reader. Until that reader has reached where the topic ended when
 * it started, a read answers 503 rather than a partial sum.
 */
@Singleton
public class LiveTotals {

    private final TotalsBook book = new TotalsBook();
    private final java.util.concurrent.atomic.AtomicLong version = new java.util.concurrent.atomic.AtomicLong();
    private volatile boolean caughtUp;

    /** A project's latest summary in a plan year from {@code pulse.projects}; answers the groups that moved. */
    public List<GroupKey> apply(String projectYear, ProjectSummary project) {
        List<GroupKey> moved = book.apply(projectYear, project);
        if (!moved.isEmpty()) {
            version.incrementAndGet();
        }
        return moved;
    }

    /** Goes up whenever any group's totals move: what was derived from them at an older version is out of date. */
    public long version() {
        return version.get();
    }

    /** Everything on {@code pulse.projects} when this instance started has been applied. */
    public void caughtUp() {
        caughtUp = true;
    }

    public boolean isCaughtUp() {
        return caughtUp;
    }

    /** The project-years applied so far. */
    public int size() {
        return book.size();
    }

    /** The group's totals; zero when no project was ever in it. */
    public Tally get(GroupKey group) {
        Tally tally = ready().get(group);
        return tally == null ? Tally.zero() : tally;
    }

    /** Every group of {@code year}'s {@code dimension}, by key. */
    public NavigableMap<String, Tally> all(int year, Dimension dimension) {
        return ready().all(year, dimension);
    }

    private TotalsBook ready() {
        if (!caughtUp) {
            throw new StoreUnavailableException("the totals are still being read from pulse.projects");
        }
        return book;
    }
}
