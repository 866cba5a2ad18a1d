package pulse.server.period;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pulse.model.EventCodec;
import pulse.model.FieldError;
import pulse.model.InvalidInputException;
import pulse.model.Payload;
import pulse.model.Payload.AnnualPlanSet;
import pulse.model.Payload.InvestmentReported;
import pulse.model.Payload.MilestoneReached;
import pulse.model.Payload.ProjectRegistered;
import pulse.model.PeriodSnapshot;
import pulse.model.PeriodSnapshot.MissingReports;
import pulse.model.PulseEvent;
import pulse.model.PulseJson;
import pulse.model.Text;
import pulse.rules.RuleSettings;
import pulse.server.PulseClock;
import pulse.server.kafka.EventLog;
import pulse.server.query.ProjectFilter;
import pulse.server.query.QueryService;
import pulse.server.security.Sender;
import pulse.server.web.ConflictException;
import pulse.server.web.NotFoundException;
import pulse.topology.LogFold;

/**
 * Closes a month, and answers what a closed month is measured against.
 *
 * <p>A close takes where {@code pulse.events} ends at that moment (the committed end of every
 * partition) as its position, and recounts the county from exactly the records below it
 * ({@link LogFold}): every event acknowledged before the close is below that position, and
 * every later one above it, whatever arrives meanwhile and however far the topology has got.
 */
@Singleton
public class PeriodService {

    private static final Logger LOG = LoggerFactory.getLogger(PeriodService.class);

    private final EventLog log;
    private final PeriodArchive archive;
    private final RuleSettings rules;
    private final PulseClock clock;
    private final QueryService query;
    private final EventCodec codec;

    PeriodService(EventLog log, PeriodArchive archive, RuleSettings rules, PulseClock clock, QueryService query,
            EventCodec codec) {
        this.log = log;
        this.archive = archive;
        this.rules = rules;
        this.clock = clock;
        this.query = query;
        this.codec = codec;
    }

    /** Reads a period written {@code YYYY-MM}, naming {@code field} when it is not one. */
    public static YearMonth period(String text) {
        try {
            if (text != null && text.matches("\\d{4}-\\d{2}")) {
                return YearMonth.parse(text);
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw new InvalidInputException(new FieldError("period", text == null ? null : "\"" + text + "\"",
                Text.of("field.period")));
    }

    /**
     * Closes {@code period}: its snapshot as of the events committed now. A period closed already is
     * a {@link ConflictException} unless {@code revise}, which needs a reason and adds a revision.
     */
    public PeriodSnapshot close(YearMonth period, Sender sender, boolean revise, String reason) {
        YearMonth current = YearMonth.from(clock.today());
        if (!period.isBefore(current)) {
            throw new InvalidInputException(new FieldError("period", "\"" + period + "\"",
                    Text.of("period.ended", current)));
        }
        int latest = archive.latestRevision(period.toString());
        if (latest > 0 && !revise) {
            throw new ConflictException(Text.of("period.closedAlready", period, latest));
        }
        if (revise && latest == 0) {
            throw new InvalidInputException(new FieldError("revise", "true", Text.of("period.reviseOpen", period)));
        }
        if (revise && (reason == null || reason.isBlank())) {
            throw new InvalidInputException(new FieldError("reason", null, Text.of("period.reviseReason", period)));
        }
        Map<Integer, Long> position = log.end();
        PeriodSnapshot snapshot = log.recount(position).snapshot(period, latest + 1, Instant.now(clock), sender.username(),
                revise ? reason.strip() : null, position, redBefore(period), rules);
        if (!archive.store(snapshot, archive.encode(snapshot))) {
            throw new ConflictException(Text.of("period.closedMeanwhile", period, snapshot.revision()));
        }
        LOG.info("Closed {} (revision {}) by {} at position {}: {} records read", period, snapshot.revision(),
                sender.username(), position, snapshot.eventsRead());
        return snapshot;
    }

    /** The red projects of the closed periods just before {@code period}, the closest first; empty where not closed. */
    private List<Set<String>> redBefore(YearMonth period) {
        List<Set<String>> red = new ArrayList<>();
        for (int back = 1; back < rules.interviewRedPeriods(); back++) {
            red.add(archive.latest(period.minusMonths(back).toString()).map(LogFold::redProjects).orElse(Set.of()));
        }
        return red;
    }

    /** When the reports of a month are due, and where today stands against it (for the report form). */
    public record Deadline(String period, LocalDate deadline, LocalDate today, long daysLeft, boolean late) {}

    public Deadline deadline(YearMonth period) {
        LocalDate deadline = rules.reportDeadline(period);
        LocalDate today = clock.today();
        long daysLeft = java.time.temporal.ChronoUnit.DAYS.between(today, deadline);
        return new Deadline(period.toString(), deadline, today, daysLeft, daysLeft < 0);
    }

    /** Live: per unit, the projects that have not reported {@code period} yet; overdue after its deadline. */
    public List<MissingReports> missing(YearMonth period) {
        return LogFold.missing(query.projects(ProjectFilter.all(period.getYear())), period, deadline(period).late());
    }

    /**
     * The accepted events since the latest close of {@code period} that change its figures: reports
     * for its plan year's months up to it (late ones, corrections with their reasons), that year's
     * plans, and milestones dated by its end; each with its partition and offset.
     */
    public List<JsonNode> changes(YearMonth period) {
        PeriodSnapshot closed = archive.latest(period.toString())
                .orElseThrow(() -> new NotFoundException(Text.of("period.notClosed", period)));
        List<JsonNode> changes = new ArrayList<>();
        log.read(closed.position(), log.end(), record -> {
            PulseEvent event;
            try {
                event = codec.decode(record.value(), Instant.ofEpochMilli(record.timestamp()));
            } catch (InvalidInputException e) {
                return;   // set aside by the topology: it changed nothing
            }
            if (changes(event.payload(), period)) {
                ObjectNode change = PulseJson.mapper().createObjectNode();
                change.put("partition", record.partition());
                change.put("offset", record.offset());
                change.setAll(codec.toJson(event));
                changes.add(change);
            }
        });
        return changes;
    }

    private static boolean changes(Payload payload, YearMonth period) {
        if (payload instanceof InvestmentReported report) {
            return report.period().getYear() == period.getYear() && !report.period().isAfter(period);
        }
        if (payload instanceof AnnualPlanSet plan) {
            return plan.year() == period.getYear();
        }
        if (payload instanceof ProjectRegistered registration) {
            return registration.year() <= period.getYear();
        }
        if (payload instanceof MilestoneReached milestone) {
            return !milestone.date().isAfter(period.atEndOfMonth());
        }
        return false;
    }
}
