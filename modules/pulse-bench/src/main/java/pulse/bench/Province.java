package pulse.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import pulse.model.WorkArea;

/**
 * A synthetic province, deterministic from its seed: projects spread over units, townships and
 * work areas, with a half-year of monthly reports, corrections, retries and milestones.
 */
final class Province {

    record Event(String projectId, byte[] json) {}

    final int first;
    final int projects;
    private final long seed;

    /** Projects numbered {@code first} to {@code first + projects - 1}: a warm-up province does not share any with the measured one. */
    Province(int first, int projects, long seed) {
        this.first = first;
        this.projects = projects;
        this.seed = seed;
    }

    static String id(int project) {
        return String.format("PV-%06d", project);
    }

    static String unit(int project) {
        return "单位" + (project % 400);
    }

    /** Registrations, then January to May reports (with corrections and retries), then milestones. */
    List<Event> year() {
        Random random = new Random(seed);
        List<Event> events = new ArrayList<>(projects * 8);
        int end = first + projects;
        for (int p = first; p < end; p++) {
            events.add(event(id(p), registration(p)));
        }
        for (int month = 1; month <= 5; month++) {
            for (int p = first; p < end; p++) {
                String report = report(p, month, random.nextInt(50_000), null);
                events.add(event(id(p), report));
                if (random.nextInt(100) < 5) {
                    events.add(event(id(p), report));                                            // a retry
                }
                if (random.nextInt(100) < 10) {
                    events.add(event(id(p), report(p, month, random.nextInt(50_000), "更正")));  // a correction
                }
            }
        }
        for (int p = first; p < end; p++) {
            if (random.nextInt(100) < 80) {
                events.add(event(id(p), String.format("{\"eventId\":\"%s\",\"type\":\"MilestoneReached\",\"projectId\":\"%s\","
                        + "\"milestone\":\"STARTED\",\"date\":\"2022-03-%02d\"}", UUID.randomUUID(), id(p), 1 + random.nextInt(28))));
            }
        }
        return events;
    }

    static String registration(int p) {
        WorkArea area = WorkArea.values()[p % WorkArea.values().length];
        return String.format("{\"eventId\":\"%s\",\"type\":\"ProjectRegistered\",\"projectId\":\"%s\",\"name\":\"项目%d\","
                + "\"area\":\"%s\",\"township\":\"乡镇%d\",\"unitId\":\"%s\",\"level\":\"COUNTY\",\"totalInvestment\":20000.00,"
                + "\"year\":2022,\"annualPlan\":6000.00,\"plannedMilestones\":{\"STARTED\":\"2022-03-15\"}}",
                UUID.randomUUID(), id(p), p, area, p % 120, unit(p));
    }

    static String report(int p, int month, int cents, String reason) {
        return String.format("{\"eventId\":\"%s\",\"type\":\"InvestmentReported\",\"projectId\":\"%s\",\"unitId\":\"%s\","
                + "\"period\":\"2022-%02d\",\"amount\":%d.%02d%s}", UUID.randomUUID(), id(p), unit(p), month, cents / 100,
                cents % 100, reason == null ? "" : ",\"reason\":\"" + reason + "\"");
    }

    private static Event event(String projectId, String json) {
        return new Event(projectId, json.getBytes(StandardCharsets.UTF_8));
    }
}
