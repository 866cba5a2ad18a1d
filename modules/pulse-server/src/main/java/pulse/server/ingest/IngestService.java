package pulse.server.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.RecordMetadata;
import pulse.model.EventReader;
import pulse.model.FieldError;
import pulse.model.InvalidInputException;
import pulse.model.Payload.AnnualPlanSet;
import pulse.model.Payload.InvestmentReported;
import pulse.model.Payload.MilestoneReached;
import pulse.model.Payload.ProjectRegistered;
import pulse.model.PulseEvent;
import pulse.model.Text;
import pulse.rules.MilestoneOrderRule;
import pulse.rules.PlanYearRule;
import pulse.rules.PlausibilityRule;
import pulse.rules.RuleSettings;
import pulse.server.kafka.EventPublisher;
import pulse.server.kafka.KafkaUnavailableException;
import pulse.server.security.Sender;
import pulse.server.web.ForbiddenException;
import pulse.server.web.ProjectNotFoundException;
import pulse.topology.ProjectState;

/**
 * Accepts events from every way in (the JSON API, the form, the demo): each is read by the
 * model's {@link EventReader}, checked against the key-project list, published, and answered
 * once Kafka acknowledged it. Invalid input publishes nothing.
 */
@Singleton
public class IngestService {

    private static final long ACK_TIMEOUT_SECONDS = 30;

    private final EventReader reader;
    private final KnownProjects known;
    private final EventPublisher publisher;
    private final RuleSettings settings;
    private final Resends resends;

    IngestService(EventReader reader, KnownProjects known, EventPublisher publisher, RuleSettings settings,
            Resends resends) {
        this.reader = reader;
        this.known = known;
        this.publisher = publisher;
        this.settings = settings;
        this.resends = resends;
    }

    /**
     * One event from {@code sender}; an unknown project is a {@link ProjectNotFoundException}, a
     * project the sender may not write for a {@link ForbiddenException}.
     */
    public Accepted submit(JsonNode node, Sender sender) {
        PulseEvent event = reader.read(node, "").withSentBy(sender.username());
        KnownProjects.Lookup lookup = known.lookup();
        ProjectState project = event.payload() instanceof ProjectRegistered ? null
                : lookup.find(event.projectId()).orElseThrow(() -> new ProjectNotFoundException(event.projectId()));
        PulseEvent checked;
        try {
            checked = checked(event, project, sender, lookup, "");
        } catch (InvalidInputException refused) {
            return resends.earlier(event, project).orElseThrow(() -> refused);
        }
        return publish(List.of(checked)).get(0);
    }

    /**
     * A batch, all or nothing: every event is checked first (a report may follow its project's
     * registration in the same batch), and only if all are valid are they published, in order.
     */
    public List<Accepted> submitAll(JsonNode array, Sender sender) {
        if (array == null || !array.isArray() || array.isEmpty()) {
            throw new InvalidInputException(new FieldError("body", array == null ? null : abbreviated(array),
                    Text.of("batch.array")));
        }
        List<FieldError> errors = new ArrayList<>();
        List<PulseEvent> events = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        // A batch arrives at one instant: its events without a reportedAt of their own are reported then.
        Instant receivedAt = reader.now();
        for (int i = 0; i < array.size(); i++) {
            try {
                events.add(reader.read(array.get(i), "[" + i + "].", receivedAt));
                positions.add(i);
            } catch (InvalidInputException e) {
                errors.addAll(e.errors());
            }
        }
        BatchCheck check = check(events, sender);
        List<FieldError> refused = new ArrayList<>();
        check.forbidden().forEach((i, found) -> found.forEach(e -> refused.add(at(positions.get(i), e))));
        check.invalid().forEach((i, found) -> found.forEach(e -> errors.add(at(positions.get(i), e))));
        if (!refused.isEmpty()) {
            throw new ForbiddenException(refused);
        }
        if (!errors.isEmpty()) {
            errors.sort(java.util.Comparator.comparingInt(e -> position(e.field())));
            throw new InvalidInputException(errors);
        }
        List<Accepted> published = publish(check.events());
        List<Accepted> answers = new ArrayList<>(events.size());
        for (int i = 0, next = 0; i < events.size(); i++) {
            Accepted resent = check.resent().get(i);
            answers.add(resent != null ? resent : published.get(next++));
        }
        return answers;
    }

    /**
     * What the checks of a batch found: the events ready to publish (with their project's unit),
     * the errors of each refused event by its index in the batch (fields named without prefix), the
     * events accepted before ({@link Resends}), and the projects as the checks read them (a caller
     * that needs them again does not read them twice).
     */
    record BatchCheck(List<PulseEvent> events, SortedMap<Integer, List<FieldError>> invalid,
            SortedMap<Integer, List<FieldError>> forbidden, SortedMap<Integer, Accepted> resent,
            KnownProjects.Lookup projects) {
        boolean ok() {
            return invalid.isEmpty() && forbidden.isEmpty();
        }
    }

    /** Checks events already read, in order, as one batch: a report may follow its project's registration. */
    BatchCheck check(List<PulseEvent> events, Sender sender) {
        SortedMap<Integer, List<FieldError>> invalid = new TreeMap<>();
        SortedMap<Integer, List<FieldError>> forbidden = new TreeMap<>();
        SortedMap<Integer, Accepted> resent = new TreeMap<>();
        List<PulseEvent> checked = new ArrayList<>();
        KnownProjects.Lookup lookup = known.lookup();
        for (int i = 0; i < events.size(); i++) {
            PulseEvent event = events.get(i).withSentBy(sender.username());
            ProjectState project = null;
            try {
                project = event.payload() instanceof ProjectRegistered ? null
                        : lookup.find(event.projectId()).orElseThrow(() -> new InvalidInputException(new FieldError(
                                "projectId", "\"" + event.projectId() + "\"", Text.of("batch.unknownProject"))));
                checked.add(checked(event, project, sender, lookup, ""));
            } catch (InvalidInputException e) {
                Optional<Accepted> before = resends.earlier(event, project);
                if (before.isPresent()) {
                    resent.put(i, before.get());
                } else {
                    invalid.put(i, e.errors());
                }
            } catch (ForbiddenException e) {
                forbidden.put(i, e.errors());
            }
        }
        return new BatchCheck(checked, invalid, forbidden, resent, lookup);
    }

    private static FieldError at(int index, FieldError error) {
        return new FieldError("[" + index + "]." + error.field(), error.value(), error.expected());
    }

    private static int position(String field) {
        return field.startsWith("[") ? Integer.parseInt(field.substring(1, field.indexOf(']'))) : -1;
    }

    /**
     * The checks every event passes, alone or in a batch: who may send it, and that it fits its
     * {@code project} as the request's earlier events left it (null when the event registers it).
     * Returns the event with the project's unit; the lookup counts it from then on.
     */
    private PulseEvent checked(PulseEvent event, ProjectState project, Sender sender, KnownProjects.Lookup lookup,
            String at) {
        if (event.payload() instanceof ProjectRegistered) {
            requireAdmin(sender, event, at);
            lookup.accepted(event);
            return event;
        }
        if (event.payload() instanceof AnnualPlanSet) {
            requireAdmin(sender, event, at);
        }
        requireOwnUnit(sender, event, project.unitId(), at);
        PulseEvent owned = ownedBy(event, project.unitId(), at);
        requireWithinPlanYears(owned, project.startYear(), at);
        requireMilestonesInOrder(owned, project, at);
        requireReasonForCorrection(owned, project, at);
        requirePlausible(owned, project, settings, at);
        lookup.accepted(owned);
        return owned;
    }

    /**
     * A report that changes a figure already reported for that month is a correction and says why.
     * The same figure again is a retry, and needs nothing.
     */
    private static void requireReasonForCorrection(PulseEvent event, ProjectState project, String at) {
        if (!(event.payload() instanceof InvestmentReported report) || report.reason() != null) {
            return;
        }
        String period = report.period().toString();
        BigDecimal before = project.months().get(period);
        if (before != null && before.compareTo(report.amount()) != 0) {
            throw new InvalidInputException(new FieldError(at + "reason", null,
                    Text.of("report.correctionReason", period, before)));
        }
    }

    /**
     * A figure far from the plan is refused: one that looks like 元 always, one well above the plan
     * unless confirmed with a reason ({@link PlausibilityRule}, as the topology does for records
     * written straight to Kafka, on the same facts).
     */
    private static void requirePlausible(PulseEvent event, ProjectState project, RuleSettings settings, String at) {
        if (!(event.payload() instanceof InvestmentReported report)) {
            return;
        }
        PlausibilityRule.check(project.plausibilityFacts(report), report.confirmed(), settings).ifPresent(doubt -> {
            boolean yuan = doubt.doubt() == PlausibilityRule.Doubt.LOOKS_LIKE_YUAN;
            throw new InvalidInputException(new FieldError(at + (yuan ? "amount" : "confirm"),
                    report.amount().toPlainString(), doubt.expected()));
        });
    }

    /** Registering a project, or changing its plan, is the county office's. */
    private static void requireAdmin(Sender sender, PulseEvent event, String at) {
        if (!sender.isAdmin()) {
            throw new ForbiddenException(new FieldError(at + "type", "\"" + event.type() + "\"",
                    Text.of("write.adminOnly", sender.username(), sender.role())));
        }
    }

    /** A unit writes for its own projects only; the county office for any. */
    private static void requireOwnUnit(Sender sender, PulseEvent event, String projectUnit, String at) {
        if (sender.isAdmin()) {
            return;
        }
        if (!sender.isUnit() || !projectUnit.equals(sender.unitId())) {
            throw new ForbiddenException(new FieldError(at + "projectId", "\"" + event.projectId() + "\"",
                    Text.of("write.ownUnit", sender.unitId(), projectUnit)));
        }
    }

    /** Reports and plans belong to the project's plan years ({@link PlanYearRule}). */
    private static void requireWithinPlanYears(PulseEvent event, int startYear, String at) {
        if (event.payload() instanceof InvestmentReported report) {
            PlanYearRule.reportRefusal(startYear, report.period()).ifPresent(expected -> {
                throw new InvalidInputException(new FieldError(at + "period", "\"" + report.period() + "\"", expected));
            });
        } else if (event.payload() instanceof AnnualPlanSet plan) {
            PlanYearRule.planRefusal(startYear, plan.year()).ifPresent(expected -> {
                throw new InvalidInputException(new FieldError(at + "year", String.valueOf(plan.year()), expected));
            });
        }
    }

    /** 竣工 not before 开工, 投产 not before 竣工 ({@link MilestoneOrderRule}). */
    private static void requireMilestonesInOrder(PulseEvent event, ProjectState project, String at) {
        if (event.payload() instanceof MilestoneReached milestone) {
            MilestoneOrderRule.refusal(milestone.milestone(), milestone.date(), project.reached())
                    .ifPresent(expected -> {
                        throw new InvalidInputException(new FieldError(at + "date", "\"" + milestone.date() + "\"", expected));
                    });
        }
    }

    /** A report names the project's own unit, or none (then it is filled in). */
    private static PulseEvent ownedBy(PulseEvent event, String unit, String at) {
        if (event.unitId() != null && !event.unitId().equals(unit)) {
            throw new InvalidInputException(new FieldError(at + "unitId", "\"" + event.unitId() + "\"",
                    Text.of("write.projectUnit", unit)));
        }
        return event.withUnitId(unit);
    }

    /** Publishes checked events in order and answers once Kafka acknowledged every one. */
    List<Accepted> publish(List<PulseEvent> events) {
        List<CompletableFuture<RecordMetadata>> acks = events.stream().map(publisher::publish).toList();
        List<Accepted> accepted = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            PulseEvent event = events.get(i);
            RecordMetadata metadata = awaitAck(acks.get(i), event);
            if (event.payload() instanceof ProjectRegistered) {
                known.registered(event);
            }
            accepted.add(new Accepted(event.eventId(), event.type(), event.projectId(), metadata.partition(),
                    metadata.offset()));
        }
        return accepted;
    }

    private static RecordMetadata awaitAck(CompletableFuture<RecordMetadata> ack, PulseEvent event) {
        try {
            return ack.get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new KafkaUnavailableException("Kafka did not acknowledge event " + event.eventId() + " for "
                    + event.projectId() + " (" + cause.getMessage() + "); nothing is counted twice if you retry", cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException("interrupted while waiting for Kafka", e);
        }
    }

    private static String abbreviated(JsonNode node) {
        String text = node.toString();
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }
}
