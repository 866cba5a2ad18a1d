package pulse.topology;

import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import pulse.model.Light;

/**
 * Which projects of a plan year are in each unit, township, work area and level, and which have
 * each light, from the projects' latest summaries as {@code pulse.projects} carries them (fed
 * beside a {@link TotalsBook}, so a filtered list and the group's totals name the same projects).
 * A filtered list reads the store for these projects only, not for every project: at 100,000
 * projects, a unit's list had read 100,000 to answer 333.
 *
 * <p>One thread applies; any thread reads. A set read while a summary is applied may or may not
 * show that summary yet, as the totals may or may not.
 */
public final class ProjectIndex {

    /** Where one project-year is listed. */
    private record Entry(String projectId, GroupKey[] groups, int year, Light light) {}

    private static final Dimension[] INDEXED = {Dimension.UNIT, Dimension.TOWNSHIP, Dimension.AREA, Dimension.LEVEL};

    private final Map<String, Entry> byProjectYear = new HashMap<>();
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
        Entry after = project == null ? null : entryOf(project);
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

    private static Entry entryOf(ProjectSummary project) {
        GroupKey[] groups = new GroupKey[INDEXED.length];
        for (int d = 0; d < INDEXED.length; d++) {
            groups[d] = GroupKey.of(project, INDEXED[d]);
        }
        return new Entry(project.projectId(), groups, project.year(), project.light());
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

    /** The ids of the projects in {@code group} (not the county: every project of its year is in it). */
    public Set<String> members(GroupKey group) {
        if (group.dimension() == Dimension.COUNTY) {
            throw new IllegalArgumentException("the county's projects are every project of the year; list them all");
        }
        Set<String> members = byGroup.get(group);
        return members == null ? Set.of() : Collections.unmodifiableSet(members);
    }

    /** The ids of {@code year}'s projects whose light is {@code light}. */
    public Set<String> withLight(int year, Light light) {
        Map<Light, Set<String>> ofYear = byLight.get(year);
        Set<String> members = ofYear == null ? null : ofYear.get(light);
        return members == null ? Set.of() : Collections.unmodifiableSet(members);
    }
}
