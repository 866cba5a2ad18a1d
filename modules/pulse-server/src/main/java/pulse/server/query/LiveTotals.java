package pulse.server.query;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import pulse.server.kafka.StoreUnavailableException;
import pulse.topology.Dimension;
import pulse.topology.GroupKey;
import pulse.topology.ProjectIndex;
import pulse.topology.ProjectSummary;
import pulse.topology.Tally;
import pulse.topology.TotalsBook;

/**
 * This instance's totals of every group: a {@link TotalsBook} fed with {@code pulse.projects} from
 * its start by the push channel's reader. Until that reader has reached where the topic ended when
 * it started, a read answers 503 rather than a partial sum. Beside it, which projects are in each
 * group and light ({@link ProjectIndex}), for filtered lists.
 */
@Singleton
public class LiveTotals {

    private final TotalsBook book = new TotalsBook();
    private final ProjectIndex index = new ProjectIndex();
    private final java.util.concurrent.atomic.AtomicLong version = new java.util.concurrent.atomic.AtomicLong();
    private volatile boolean caughtUp;

    /** A project's latest summary in a plan year from {@code pulse.projects}; answers the groups that moved. */
    public List<GroupKey> apply(String projectYear, ProjectSummary project) {
        List<GroupKey> moved = book.apply(projectYear, project);
        index.apply(projectYear, project);
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

    /**
     * The ids of the projects that can match {@code filter} by its year and the groups and light it
     * names: the smallest of those lists, less the ids another one leaves out; every project of the
     * year when it names none. Empty while the index is still being read. The views read for them
     * are matched against the whole filter still, so a project that moved since the summary the
     * index holds is not listed where it no longer belongs.
     */
    public Optional<List<String>> candidates(ProjectFilter filter) {
        if (!caughtUp) {
            return Optional.empty();
        }
        int year = filter.year();
        List<Set<String>> lists = new ArrayList<>();
        if (filter.unit() != null) {
            lists.add(index.members(new GroupKey(year, Dimension.UNIT, filter.unit())));
        }
        if (filter.township() != null) {
            lists.add(index.members(new GroupKey(year, Dimension.TOWNSHIP, filter.township())));
        }
        if (filter.area() != null) {
            lists.add(index.members(new GroupKey(year, Dimension.AREA, filter.area().name())));
        }
        if (filter.light() != null) {
            lists.add(index.withLight(year, filter.light()));
        }
        if (lists.isEmpty()) {
            lists.add(index.members(GroupKey.county(year)));
        }
        lists.sort(Comparator.comparingInt(Set::size));
        List<String> candidates = new ArrayList<>(lists.get(0).size());
        for (String projectId : lists.get(0)) {
            if (inAll(projectId, lists)) {
                candidates.add(projectId);
            }
        }
        return Optional.of(candidates);
    }

    /** Whether every list but the first has the project (a loop: a stream for each of 140,000 projects took 10 ms). */
    private static boolean inAll(String projectId, List<Set<String>> lists) {
        for (int i = 1; i < lists.size(); i++) {
            if (!lists.get(i).contains(projectId)) {
                return false;
            }
        }
        return true;
    }

    /** {@code year}'s projects whose light is one of {@code lights}, as the lists order them (see {@link ProjectIndex#listed(int, Set)}). */
    public List<ProjectIndex.Listed> listed(int year, Set<pulse.model.Light> lights) {
        ready();
        return index.listed(year, lights);
    }

    /** How {@code year}'s lists order the project, as of its latest summary; null when it is not in that year. */
    public ProjectIndex.Listed listed(int year, String projectId) {
        return index.listed(year, projectId);
    }

    private TotalsBook ready() {
        if (!caughtUp) {
            throw new StoreUnavailableException("the totals are still being read from pulse.projects");
        }
        return book;
    }
}
