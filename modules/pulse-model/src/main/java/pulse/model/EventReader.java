package pulse.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import pulse.model.Payload.AnnualPlanSet;
import pulse.model.Payload.InvestmentReported;
import pulse.model.Payload.IssueRaised;
import pulse.model.Payload.IssueResolved;
import pulse.model.Payload.MilestoneReached;
import pulse.model.Payload.ProjectRegistered;
import pulse.model.Payload.ProjectResumed;
import pulse.model.Payload.ProjectSuspended;

/**
 * Turns one JSON event into a {@link PulseEvent}, or refuses it with every field error. The HTTP
 * API, the report form and the Kafka topology all read events through this class, so a rule holds
 * the same whichever way a report comes in.
 *
 * <p>"Today" (for "not in the future") comes from the clock, in the county's zone.
 */
public final class EventReader {

    private static final BigDecimal ZERO = BigDecimal.ZERO;

    private final Clock clock;
    private final boolean boundByToday;

    private EventReader(Clock clock, boolean boundByToday) {
        this.clock = clock;
        this.boundByToday = boundByToday;
    }

    /** For new input: dates and periods after today are refused. */
    public static EventReader forInput(Clock clock) {
        return new EventReader(clock, true);
    }

    /**
     * For events already on the topic: the same rules, except that "not after today" becomes "not
     * after the day it was reported", because an event accepted yesterday must still count when the
     * topic is replayed under an earlier clock.
     */
    public static EventReader forReplay(Clock clock) {
        return new EventReader(clock, false);
    }

    public LocalDate today() {
        return CountyCalendar.today(clock);
    }

    /** The instant by this reader's clock: what a request's events were received at. */
    public Instant now() {
        return clock.instant();
    }

    /** Reads one event; {@code prefix} names its place in a batch (e.g. {@code "[3]."}) in errors. */
    public PulseEvent read(JsonNode node, String prefix) {
        return read(node, prefix, clock.instant());
    }

    /**
     * Reads one event received at {@code receivedAt} (a record's timestamp on replay), which stands
     * in for a missing {@code reportedAt} and {@code occurredOn}. On replay, nothing may be dated
     * after the event was reported: that bound does not move with the clock, so a replay under any
     * clock accepts and refuses the same events.
     */
    public PulseEvent read(JsonNode node, String prefix, Instant receivedAt) {
        List<FieldError> errors = Fields.newErrors();
        if (node == null || !node.isObject()) {
            throw new InvalidInputException(new FieldError(prefix.isEmpty() ? "body" : prefix.replaceAll("\\.$", ""),
                    node == null ? null : Fields.shown(node), Text.of("event.object")));
        }
        Fields fields = new Fields(node, prefix, errors);
        Instant reportedAt = fields.instant("reportedAt");
        Instant reported = reportedAt == null ? receivedAt : reportedAt;
        LocalDate latest = boundByToday ? today() : CountyCalendar.dayOf(reported);
        String type = type(fields);
        String projectId = fields.id("projectId", true);
        UUID eventId = fields.uuid("eventId");
        LocalDate occurredOn = fields.date("occurredOn", false, latest);
        String sentBy = fields.text("sentBy", false, 100);
        String unitId = fields.text("unitId", "ProjectRegistered".equals(type), 100);
        Payload payload = type == null ? null : payload(type, fields, latest);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new PulseEvent(
                eventId == null ? UUID.randomUUID() : eventId,
                projectId,
                unitId,
                occurredOn == null ? CountyCalendar.dayOf(reported) : occurredOn,
                reported,
                sentBy,
                payload);
    }

    private static String type(Fields fields) {
        JsonNode value = fields.raw("type");
        if (value == null || !value.isTextual() || !Payload.TYPES.contains(value.asText())) {
            fields.reject("type", value, Text.of("event.type", String.join(", ", Payload.TYPES)));
            return null;
        }
        return value.asText();
    }

    private Payload payload(String type, Fields fields, LocalDate latest) {
        return switch (type) {
            case "ProjectRegistered" -> registration(fields);
            case "AnnualPlanSet" -> annualPlan(fields);
            case "InvestmentReported" -> report(fields, latest);
            case "MilestoneReached" -> new MilestoneReached(
                    fields.oneOf("milestone", Milestone.class, true),
                    fields.date("date", true, latest),
                    fields.text("note", false, 500));
            case "ProjectSuspended" -> new ProjectSuspended(fields.text("reason", true, 500));
            case "ProjectResumed" -> new ProjectResumed(fields.text("reason", false, 500));
            case "IssueRaised" -> new IssueRaised(
                    fields.id("issueId", true),
                    fields.oneOf("kind", IssueKind.class, true),
                    fields.text("text", true, 1000),
                    fields.text("ownerUnit", false, 100),
                    fields.date("dueDate", false, null));
            case "IssueResolved" -> new IssueResolved(
                    fields.id("issueId", true),
                    fields.oneOf("kind", IssueKind.class, false),
                    fields.text("text", false, 1000));
            default -> throw new IllegalStateException("type was checked: " + type);
        };
    }

    private static InvestmentReported report(Fields fields, LocalDate latest) {
        YearMonth period = fields.period("period", latest == null ? null : YearMonth.from(latest));
        BigDecimal amount = fields.money("amount", true, ZERO, true);
        Boolean confirm = fields.flag("confirm");
        String reason = fields.text("reason", false, 500);
        if (Boolean.TRUE.equals(confirm) && reason == null && !fields.has("reason")) {
            fields.reject("reason", null, Text.of("report.confirmReason"));
        }
        return new InvestmentReported(period, amount, reason, Boolean.TRUE.equals(confirm) ? true : null);
    }

    private static ProjectRegistered registration(Fields fields) {
        BigDecimal total = fields.money("totalInvestment", true, ZERO, false);
        BigDecimal annualPlan = fields.money("annualPlan", true, ZERO, false);
        if (total != null && annualPlan != null && annualPlan.compareTo(total) > 0) {
            fields.reject("annualPlan", fields.raw("annualPlan"), Text.of("plan.annualAboveTotal", total));
        }
        BigDecimal before = fields.money("investedBeforeYear", false, ZERO, true);
        return new ProjectRegistered(
                fields.text("name", true, 200),
                fields.oneOf("area", WorkArea.class, true),
                fields.text("township", true, 100),
                fields.oneOf("level", Level.class, true),
                total,
                yearOrZero(fields.year("year")),
                annualPlan,
                monthlyPlan(fields, annualPlan),
                plannedMilestones(fields),
                before == null ? ZERO.setScale(2) : before);
    }

    private static AnnualPlanSet annualPlan(Fields fields) {
        Integer year = fields.year("year");
        BigDecimal annualPlan = fields.money("annualPlan", true, ZERO, false);
        return new AnnualPlanSet(yearOrZero(year), annualPlan, monthlyPlan(fields, annualPlan), plannedMilestones(fields));
    }

    private static int yearOrZero(Integer year) {
        return year == null ? 0 : year;
    }

    private static List<BigDecimal> monthlyPlan(Fields fields, BigDecimal annualPlan) {
        if (!fields.has("monthlyPlan")) {
            return null;
        }
        JsonNode array = fields.raw("monthlyPlan");
        if (!array.isArray() || array.size() != 12) {
            fields.reject("monthlyPlan", array, Text.of("plan.monthlyShape"));
            return null;
        }
        List<BigDecimal> months = new ArrayList<>(12);
        BigDecimal sum = ZERO;
        for (int i = 0; i < 12; i++) {
            BigDecimal month = fields.money("monthlyPlan[" + i + "]", array.get(i), ZERO, true,
                    () -> Fields.moneyExpected(ZERO, true));
            months.add(month);
            sum = month == null ? sum : sum.add(month);
        }
        if (months.contains(null)) {
            return null;
        }
        if (annualPlan != null && sum.compareTo(annualPlan) != 0) {
            fields.reject("monthlyPlan", array, Text.of("plan.monthlySum", annualPlan, sum));
            return null;
        }
        return List.copyOf(months);
    }

    private static Map<Milestone, LocalDate> plannedMilestones(Fields fields) {
        Map<Milestone, LocalDate> planned = new EnumMap<>(Milestone.class);
        if (!fields.has("plannedMilestones")) {
            return planned;
        }
        JsonNode object = fields.raw("plannedMilestones");
        if (!object.isObject()) {
            fields.reject("plannedMilestones", object, Text.of("plan.milestonesShape"));
            return planned;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            Milestone milestone = Enums.named(Milestone.class, entry.getKey()).orElse(null);
            String field = "plannedMilestones." + entry.getKey();
            if (milestone == null) {
                fields.errors().add(new FieldError(fields.prefixed(field), "\"" + entry.getKey() + "\"",
                        Text.of("plan.milestoneName", Messages.choices(Milestone.class))));
                continue;
            }
            LocalDate date = fields.date(field, entry.getValue(), null);
            if (date != null) {
                planned.put(milestone, date);
            }
        }
        return planned;
    }
}
