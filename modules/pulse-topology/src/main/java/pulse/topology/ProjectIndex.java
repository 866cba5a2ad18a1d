package pulse.topology;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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

    /** Where one project-year is listed. */
    private record Entry(Listed listed, GroupKey[] groups, int year) {

        String projectId() {
            return listed.projectId();
        }

        Light light() {
            return listed.light();
        }
    }

    /** The groups a list can be filtered on (the county: every project of a year); levels are totalled, never listed. */
    private static final Dimension[] INDEXED = {Dimension.COUNTY, Dimension.UNIT, Dimension.TOWNSHIP, Dimension.AREA};

    private final Map<String, Entry> byProjectYear = new ConcurrentHashMap<>();
    private final Map<GroupKey, Set<String>> byGroup = new ConcurrentHashMap<>();
    private final Map<Integer, Map<Light, Set<String>>> byLight = new ConcurrentHashMap<>();

    /**
     * Takes the latest summary of a project in a plan year ({@code null}: the project left that
     * year's list), as {@link TotalsBook#apply} does.
     *
     * @param projectYear the key on {@code pulse.projects}, {@code <year>/<projectId>}
     */
    public synchronized void apply(String projectYear, ProjectSummary project) {
        Entry before = byProjectYear.get(projectYear);
        Entry after = project == null ? null : entryOf(project, before);
        if (after == before) {
            return;   // listed as it was: most summaries move a project's figures, not its groups or light
        }
        if (after == null) {
            byProjectYear.remove(projectYear);
        } else {
            byProjectYear.put(projectYear, after);
        }
        for (int d = 0; d < INDEXED.length; d++) {
            GroupKey from = before == null ? null : before.groups()[d];
            GroupKey to = after == null ? null : after.groups()[d];
            if (from != null && !from.equals(to)) {
                remove(byGroup, from, before.projectId());
            }
            if (to != null && !to.equals(from)) {
                byGroup.computeIfAbsent(to, key -> ConcurrentHashMap.newKeySet()).add(after.projectId());
            }
        }
        Light lightBefore = before == null ? null : before.light();
        Light lightAfter = after == null ? null : after.light();
        int year = after != null ? after.year() : before != null ? before.year() : 0;
        if (lightBefore != lightAfter) {
            if (lightBefore != null) {
                remove(lights(year), lightBefore, before.projectId());
            }
            if (lightAfter != null) {
                lights(year).computeIfAbsent(lightAfter, light -> ConcurrentHashMap.newKeySet()).add(after.projectId());
            }
        }
    }

    /**
     * Where the project is listed after {@code project}: {@code before} itself, or its parts, where
     * the summary left them as they were. Nothing made from a summary is kept unless it changed
     * what the index holds: kept anew for every summary, the entries outlived the collector's young
     * pauses and were copied by them.
     */
    private static Entry entryOf(ProjectSummary project, Entry before) {
        // An entry before is of the same project and year: both are in the key, <year>/<projectId>.
        GroupKey[] groups = GroupKey.of(project, INDEXED, before == null ? null : before.groups(), group -> group);
        boolean sameListing = before != null && before.light() == project.light()
                && Objects.equals(before.listed().deviationPoints(), project.deviationPoints());
        if (sameListing && groups == before.groups()) {
            return before;
        }
        Listed listed = sameListing ? before.listed() : new Listed(project.projectId(), project.light(), project.deviationPoints());
        return new Entry(listed, groups, project.year());
    }

    private Map<Light, Set<String>> lights(int year) {
        return byLight.computeIfAbsent(year, y -> Collections.synchronizedMap(new EnumMap<>(Light.class)));
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
        return entry == null ? null : entry.listed();
    }

    /**
     * {@code year}'s projects whose light is one of {@code lights}, as the lists order them, in no
     * order: read from the entries the index keeps, not looked up one by one by id.
     */
    public List<Listed> listed(int year, Set<Light> lights) {
        List<Listed> listed = new ArrayList<>();
        for (Entry entry : byProjectYear.values()) {
            if (entry.year() == year && lights.contains(entry.light())) {
                listed.add(entry.listed());
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
