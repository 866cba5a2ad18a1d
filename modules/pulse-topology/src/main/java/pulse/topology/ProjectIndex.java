package pulse.topology;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import pulse.model.Light;

/**
 * Which projects of a plan year there are, which are in each unit, township and work area, and
 * which have each light, with what orders the warnings, from the projects' latest summaries as {@code pulse.projects} carries them (fed
 * beside a {@link TotalsBook}, so a filtered list and the group's totals name the same projects).
 * A filtered list reads the store for these projects only, not for every project: at 100,000
 * projects, a unit's list had read 100,000 to answer 333.
 *
 * <p>One thread applies; any thread reads. A set read while a summary is applied may or may not
 * show that summary yet, as the totals may or may not.
 */
public final class ProjectIndex {

    /** A project as its year's lists order it: by id, or its light and how far behind it is ({@link Standings#WORST_LISTED_FIRST}). */
    public record Listed(String projectId, Light light, BigDecimal deviationPoints) {}

    /**
     * Where one project-year is listed, changed in place by each summary: most summaries move a
     * project's place, few its groups, and nothing made from a summary outlives it (entries made
     * anew for every summary were copied by the collector's young pauses).
     */
    private static final class Entry {
        private final String projectId;
        private final int year;
        /** Read and written by the applying thread only. */
        private GroupKey[] groups;
        /** Its light and deviation ({@link Place}), one word that any thread reads whole. */
        private volatile long place;

        Entry(String projectId, int year, GroupKey[] groups, long place) {
            this.projectId = projectId;
            this.year = year;
            this.groups = groups;
            this.place = place;
        }

        Light light() {
            return Place.light(place);
        }

        /** As it is listed at {@code place}: its place read once, so that light and deviation are of one summary. */
        Listed listed(long place) {
            return new Listed(projectId, Place.light(place), Place.deviationPoints(place));
        }
    }

    /** The groups a list can be filtered on (the county: every project of a year); levels are totalled, never listed. */
    private static final Dimension[] INDEXED = {Dimension.COUNTY, Dimension.UNIT, Dimension.TOWNSHIP, Dimension.AREA};

    private final Map<String, Entry> byProjectYear = new ConcurrentHashMap<>();
    /** One key object per group, shared by its projects' entries. */
    private final UnaryOperator<GroupKey> shared = GroupKey.sharing();
    private final Map<GroupKey, Set<String>> byGroup = new ConcurrentHashMap<>();
    private final Map<Integer, Map<Light, Set<String>>> byLight = new ConcurrentHashMap<>();

    /**
     * Takes the latest summary of a project in a plan year ({@code null}: the project left that
     * year's list), as {@link TotalsBook#apply} does.
     *
     * @param projectYear the key on {@code pulse.projects}, {@code <year>/<projectId>}
     */
    public synchronized void apply(String projectYear, ProjectSummary project) {
        Entry entry = byProjectYear.get(projectYear);
        if (project == null) {
            if (entry != null) {
                byProjectYear.remove(projectYear);
                for (GroupKey group : entry.groups) {
                    remove(byGroup, group, entry.projectId);
                }
                remove(lights(entry.year), entry.light(), entry.projectId);
            }
            return;
        }
        long place = Place.of(project.light(), project.deviationPoints());
        if (entry == null) {
            // The key names the project and the year: an entry found is of the same project and year.
            entry = new Entry(project.projectId(), project.year(), GroupKey.of(project, INDEXED, null, shared), place);
            byProjectYear.put(projectYear, entry);
            for (GroupKey group : entry.groups) {
                add(byGroup, group, entry.projectId);
            }
            add(lights(entry.year), project.light(), entry.projectId);
            return;
        }
        GroupKey[] groups = GroupKey.of(project, INDEXED, entry.groups, shared);
        if (groups != entry.groups) {
            for (int d = 0; d < INDEXED.length; d++) {
                if (!groups[d].equals(entry.groups[d])) {
                    remove(byGroup, entry.groups[d], entry.projectId);
                    add(byGroup, groups[d], entry.projectId);
                }
            }
            entry.groups = groups;
        }
        Light lightBefore = entry.light();
        entry.place = place;
        if (lightBefore != project.light()) {
            remove(lights(entry.year), lightBefore, entry.projectId);
            add(lights(entry.year), project.light(), entry.projectId);
        }
    }

    private Map<Light, Set<String>> lights(int year) {
        return byLight.computeIfAbsent(year, y -> Collections.synchronizedMap(new EnumMap<>(Light.class)));
    }

    private static <K> void add(Map<K, Set<String>> sets, K key, String projectId) {
        sets.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(projectId);
    }

    private static <K> void remove(Map<K, Set<String>> sets, K key, String projectId) {
        Set<String> members = sets.get(key);
        if (members != null) {
            members.remove(projectId);
        }
    }

    /** The ids of the projects in {@code group}; of the county, every project of its year. */
    public Set<String> members(GroupKey group) {
        Set<String> members = byGroup.get(group);
        return members == null ? Set.of() : Collections.unmodifiableSet(members);
    }

    /** How {@code year}'s lists order the project; null when it is not in that year's list. */
    public Listed listed(int year, String projectId) {
        Entry entry = byProjectYear.get(year + "/" + projectId);
        return entry == null ? null : entry.listed(entry.place);
    }

    /**
     * {@code year}'s projects whose light is one of {@code lights}, as the lists order them, in no
     * order: read from the entries the index keeps, not looked up one by one by id.
     */
    public List<Listed> listed(int year, Set<Light> lights) {
        List<Listed> listed = new ArrayList<>();
        for (Entry entry : byProjectYear.values()) {
            long place = entry.place;
            if (entry.year == year && lights.contains(Place.light(place))) {
                listed.add(entry.listed(place));
            }
        }
        return listed;
    }

    /** The ids of {@code year}'s projects whose light is {@code light}. */
    public Set<String> withLight(int year, Light light) {
        Map<Light, Set<String>> ofYear = byLight.get(year);
        Set<String> members = ofYear == null ? null : ofYear.get(light);
        return members == null ? Set.of() : Collections.unmodifiableSet(members);
    }
}
