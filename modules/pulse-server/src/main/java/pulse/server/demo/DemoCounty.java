package pulse.server.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import pulse.model.PulseJson;
import pulse.rules.PlausibilityRule;
import pulse.rules.RuleSettings;
import pulse.rules.TargetRule;

/**
 * SAMPLE DATA. Builds the demo county's events for 2022 as of a given day: each project's
 * registration, its monthly reports up to that day, its milestones, one correction, one
 * suspension and one open issue. The figures are invented, deterministic (seeded by project), and
 * the event ids are derived from what they describe, so loading twice cannot count twice.
 */
public final class DemoCounty {

    public static final int YEAR = 2022;
    public static final String FIRST_PROJECT = "TZ-2022-001";
    private static final String RESOURCE = "/demo/county-2022.tsv";
    /** How investment usually spreads over a northern county's building season (weights per month). */
    private static final int[] SEASON = {0, 1, 6, 9, 11, 12, 12, 12, 12, 11, 9, 5};

    record Spec(String id, String name, String area, String township, String unit, String level, BigDecimal total,
            BigDecimal annualShare, LocalDate plannedStart, LocalDate plannedCompletion, String completionMilestone,
            double pace) {}

    private DemoCounty() {}

    public static List<Spec> projects() {
        List<Spec> specs = new ArrayList<>();
        try (InputStream in = DemoCounty.class.getResourceAsStream(RESOURCE);
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                specs.add(new Spec(f[0], f[1], f[2], f[3], f[4], f[5], new BigDecimal(f[6]), new BigDecimal(f[7]),
                        LocalDate.parse(f[8]), LocalDate.parse(f[9]), f[10], Double.parseDouble(f[11])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return specs;
    }

    /** Every event of the demo county up to and including {@code today}, in the order to send them. */
    public static ArrayNode events(LocalDate today) {
        ArrayNode events = PulseJson.mapper().createArrayNode();
        List<Spec> specs = projects();
        for (int i = 0; i < specs.size(); i++) {
            addProject(events, specs.get(i), lateReporter(i), today);
        }
        return events;
    }

    /** One project in nine reports each month on the 20th of the next, after the deadline: the late units. */
    private static boolean lateReporter(int index) {
        return index % 9 == 4;
    }

    private static void addProject(ArrayNode events, Spec spec, boolean late, LocalDate today) {
        Random random = new Random(spec.id().hashCode());
        BigDecimal annualPlan = spec.total().multiply(spec.annualShare()).setScale(2, RoundingMode.HALF_UP);
        boolean continuing = spec.plannedStart().getYear() < YEAR;
        List<BigDecimal> monthly = monthlyPlan(annualPlan, continuing ? 1 : spec.plannedStart().getMonthValue());

        ObjectNode registration = event(events, spec, "ProjectRegistered", "plan");
        registration.put("name", spec.name()).put("area", spec.area()).put("township", spec.township())
                .put("unitId", spec.unit()).put("level", spec.level()).put("totalInvestment", spec.total())
                .put("year", YEAR).put("annualPlan", annualPlan)
                .put("investedBeforeYear", continuing
                        ? spec.total().subtract(annualPlan).multiply(new BigDecimal("0.6")).setScale(2, RoundingMode.HALF_UP)
                        : BigDecimal.ZERO.setScale(2));
        boolean monthlyPlan = random.nextInt(5) != 0;   // most projects have a monthly plan; the rest are due evenly
        if (monthlyPlan) {
            ArrayNode plan = registration.putArray("monthlyPlan");
            monthly.forEach(plan::add);
        }
        ObjectNode planned = registration.putObject("plannedMilestones");
        planned.put("STARTED", spec.plannedStart().toString());
        if (!"-".equals(spec.completionMilestone())) {
            planned.put("COMPLETED", spec.plannedCompletion().toString());
            if (!"COMPLETED".equals(spec.completionMilestone())) {
                planned.put(spec.completionMilestone(), spec.plannedCompletion().toString());
            }
        }

        boolean starts = spec.pace() >= 0.3;
        LocalDate started = spec.plannedStart().plusDays(random.nextInt(12));
        if (starts && !started.isAfter(today)) {
            event(events, spec, "MilestoneReached", "STARTED").put("milestone", "STARTED").put("date", started.toString());
        }
        int months = TargetRule.monthsElapsed(YEAR, today);   // a month is reported as it ends, a late one later
        Map<String, BigDecimal> reported = new TreeMap<>();
        for (int month = 1; month <= months; month++) {
            YearMonth period = YearMonth.of(YEAR, month);
            if (!starts || period.isBefore(YearMonth.from(started))
                    || (late && period.plusMonths(1).atDay(20).isAfter(today))) {
                continue;
            }
            double noise = 0.8 + 0.4 * random.nextDouble();
            BigDecimal amount = monthly.get(month - 1).multiply(BigDecimal.valueOf(spec.pace() * noise))
                    .setScale(2, RoundingMode.HALF_UP);
            ObjectNode report = event(events, spec, "InvestmentReported", period.toString())
                    .put("period", period.toString()).put("amount", amount);
            // A project ahead of its plan says so, as a unit must when a figure is far above it.
            var facts = new PlausibilityRule.Facts(period, amount, annualPlan, monthlyPlan ? monthly : null, reported,
                    YEAR, registration.get("investedBeforeYear").decimalValue(), spec.total());
            if (PlausibilityRule.check(facts, false, RuleSettings.DEFAULTS).isPresent()) {
                report.put("confirm", true).put("reason", "施工进度快于计划，已核实");
            }
            reported.put(period.toString(), amount);
        }
        LocalDate completed = spec.plannedCompletion().plusDays(random.nextInt(10) - 5);
        if (!"-".equals(spec.completionMilestone()) && spec.pace() >= 0.9 && !completed.isAfter(today)) {
            event(events, spec, "MilestoneReached", "COMPLETED").put("milestone", "COMPLETED")
                    .put("date", completed.toString());
            if (!"COMPLETED".equals(spec.completionMilestone())) {
                event(events, spec, "MilestoneReached", spec.completionMilestone())
                        .put("milestone", spec.completionMilestone()).put("date", completed.toString());
            }
        }
        addStory(events, spec, today);
    }

    /** A few things that happen in any county's year, so the screen has them to show. */
    private static void addStory(ArrayNode events, Spec spec, LocalDate today) {
        if (spec.id().equals(FIRST_PROJECT) && today.isAfter(LocalDate.of(YEAR, 6, 5))) {
            // The unit first reported too much for May, then corrected it.
            event(events, spec, "InvestmentReported", "2022-05/correction").put("period", "2022-05").put("amount",
                    new BigDecimal("1250.00")).put("reason", "更正：剔除预付材料款");
        }
        if (spec.id().equals("TZ-2022-022") && today.isAfter(LocalDate.of(YEAR, 5, 20))) {
            event(events, spec, "ProjectSuspended", "suspended").put("reason", "用地手续未完善，暂停施工")
                    .put("occurredOn", "2022-05-20");
        }
        if (spec.id().equals("TZ-2022-015") && today.isAfter(LocalDate.of(YEAR, 5, 31))) {
            event(events, spec, "IssueRaised", "land").put("issueId", "LAND-1").put("kind", "LAND")
                    .put("text", "升压站用地预审未批复，需县自然资源局协调").put("occurredOn", "2022-06-01");
        }
    }

    /** The annual plan spread over the season from the month work starts; December takes the cents left. */
    private static List<BigDecimal> monthlyPlan(BigDecimal annualPlan, int firstMonth) {
        int[] season = SEASON.clone();
        int weights = 0;
        for (int month = 0; month < 12; month++) {
            season[month] = month + 1 < firstMonth ? 0 : season[month];
            weights += season[month];
        }
        List<BigDecimal> plan = new ArrayList<>(12);
        BigDecimal assigned = BigDecimal.ZERO;
        for (int month = 0; month < 11; month++) {
            BigDecimal share = annualPlan.multiply(BigDecimal.valueOf(season[month]))
                    .divide(BigDecimal.valueOf(weights), 2, RoundingMode.HALF_UP);
            plan.add(share);
            assigned = assigned.add(share);
        }
        plan.add(annualPlan.subtract(assigned));
        return plan;
    }

    private static ObjectNode event(ArrayNode events, Spec spec, String type, String what) {
        ObjectNode event = events.addObject();
        event.put("eventId", UUID.nameUUIDFromBytes(("demo/" + spec.id() + "/" + type + "/" + what)
                .getBytes(StandardCharsets.UTF_8)).toString());
        event.put("type", type);
        event.put("projectId", spec.id());
        return event;
    }
}
