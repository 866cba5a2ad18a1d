package pulse.topology;

import java.math.BigDecimal;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Deserializer;
import pulse.model.IssueKind;
import pulse.model.Level;
import pulse.model.Milestone;
import pulse.model.Payload.ProjectRegistered;
import pulse.model.WorkArea;
import pulse.topology.ProjectState.Issue;
import pulse.topology.ProjectState.Resolved;
import pulse.topology.ProjectState.YearPlan;

/**
 * A project's state in the store as Pulse's own binary form ({@link BinaryOut}): each event reads
 * its project's state and writes it back, and with Smile (Jackson's binary JSON) that was a quarter
 * of the stream thread's work. The event offsets, which grow with every event, are kept as
 * differences. A state an earlier version wrote as Smile or JSON is still read (they start with
 * ':' and '{'; this form with its format byte).
 */
public final class ProjectStateSerde extends BinarySerde<ProjectState> {

    private static final Deserializer<ProjectState> EARLIER = new SmileSerde<>(ProjectState.class).deserializer();

    public ProjectStateSerde() {
        super((byte) 2, "a project's state");
    }

    /** Smile (it starts with ':') or JSON ('{'). */
    @Override
    ProjectState earlier(String topic, byte[] bytes) {
        return EARLIER.deserialize(topic, bytes);
    }

    @Override
    void write(ProjectState state, BinaryOut out) {
        out.string(state.projectId()).string(state.unitId());
        ProjectRegistered registration = state.registration();
        out.bool(registration != null);
        if (registration != null) {
            out.string(registration.name()).name(registration.area()).string(registration.township())
                    .name(registration.level()).decimal(registration.totalInvestment()).integer(registration.year())
                    .decimal(registration.annualPlan());
            out.list(registration.monthlyPlan(), out::decimal);
            milestones(out, registration.plannedMilestones());
            out.decimal(registration.investedBeforeYear());
        }
        out.size(state.plans());
        state.plans().forEach((year, plan) -> {
            out.integer(year).decimal(plan.annualPlan());
            out.list(plan.monthlyPlan(), out::decimal);
            milestones(out, plan.plannedMilestones());
        });
        out.size(state.months());
        state.months().forEach((period, amount) -> out.string(period).decimal(amount));
        milestones(out, state.reached());
        out.string(state.suspendedReason());
        out.size(state.openIssues());
        state.openIssues().forEach((id, issue) -> issue(out.string(id), issue));
        out.size(state.resolvedIssues());
        state.resolvedIssues().forEach((id, resolved) ->
                issue(out.string(id), resolved.issue()).date(resolved.resolvedOn()).string(resolved.resolution()));
        out.instant(state.lastReportAt());
        out.size(state.published());
        state.published().forEach((year, fingerprint) -> out.integer(year).number(fingerprint));
        out.size(state.confirmed());
        state.confirmed().forEach((period, reason) -> out.string(period).string(reason));
        out.integer(state.eventPartition()).size(state.eventOffsets());
        long previous = 0;
        for (long offset : state.eventOffsets()) {
            out.number(offset - previous);
            previous = offset;
        }
    }

    @Override
    ProjectState read(BinaryIn in) {
        String projectId = in.string();
        String unitId = in.string();
        ProjectRegistered registration = in.bool()
                ? new ProjectRegistered(in.string(), in.name(WorkArea.class), in.string(), in.name(Level.class),
                        in.decimal(), in.integer(), in.decimal(), in.list(in::decimal), milestones(in), in.decimal())
                : null;
        SortedMap<Integer, YearPlan> plans = new TreeMap<>();
        for (int i = in.size(); i > 0; i--) {
            plans.put(in.integer(), new YearPlan(in.decimal(), in.list(in::decimal), milestones(in)));
        }
        Map<String, BigDecimal> months = new TreeMap<>();
        for (int i = in.size(); i > 0; i--) {
            months.put(in.string(), in.decimal());
        }
        Map<Milestone, java.time.LocalDate> reached = milestones(in);
        String suspendedReason = in.string();
        Map<String, Issue> open = new TreeMap<>();
        for (int i = in.size(); i > 0; i--) {
            open.put(in.string(), issue(in));
        }
        Map<String, Resolved> resolved = new TreeMap<>();
        for (int i = in.size(); i > 0; i--) {
            resolved.put(in.string(), new Resolved(issue(in), in.date(), in.string()));
        }
        java.time.Instant lastReportAt = in.instant();
        SortedMap<Integer, Long> published = new TreeMap<>();
        for (int i = in.size(); i > 0; i--) {
            published.put(in.integer(), in.number());
        }
        Map<String, String> confirmed = new TreeMap<>();
        for (int i = in.size(); i > 0; i--) {
            confirmed.put(in.string(), in.string());
        }
        int eventPartition = in.integer();
        long[] offsets = new long[Math.max(in.size(), 0)];
        long offset = 0;
        for (int i = 0; i < offsets.length; i++) {
            offset += in.number();
            offsets[i] = offset;
        }
        return new ProjectState(projectId, unitId, registration, plans, months, reached, suspendedReason, open,
                resolved, lastReportAt, published, confirmed, eventPartition, EventOffsets.of(offsets));
    }

    private static BinaryOut issue(BinaryOut out, Issue issue) {
        return out.name(issue.kind()).string(issue.text()).date(issue.raisedOn()).string(issue.ownerUnit())
                .date(issue.dueDate());
    }

    private static Issue issue(BinaryIn in) {
        return new Issue(in.name(IssueKind.class), in.string(), in.date(), in.string(), in.date());
    }

    private static void milestones(BinaryOut out, Map<Milestone, java.time.LocalDate> dates) {
        out.size(dates);
        if (dates != null) {
            dates.forEach((milestone, date) -> out.name(milestone).date(date));
        }
    }

    private static Map<Milestone, java.time.LocalDate> milestones(BinaryIn in) {
        int size = in.size();
        if (size < 0) {
            return null;
        }
        Map<Milestone, java.time.LocalDate> dates = new TreeMap<>();
        for (int i = 0; i < size; i++) {
            dates.put(in.name(Milestone.class), in.date());
        }
        return dates;
    }
}
