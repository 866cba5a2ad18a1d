package pulse.server.ingest;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import pulse.documents.intake.Change;
import pulse.documents.intake.Intake;
import pulse.documents.intake.Intake.RowError;
import pulse.documents.intake.Intake.RowEvent;
import pulse.documents.intake.Sheets;
import pulse.model.EventReader;
import pulse.model.Payload.AnnualPlanSet;
import pulse.model.Payload.InvestmentReported;
import pulse.model.Payload.MilestoneReached;
import pulse.model.Payload.ProjectRegistered;
import pulse.model.ProjectView;
import pulse.model.PulseEvent;
import pulse.server.security.Sender;

/**
 * Spreadsheets in: the file's rows become events (pure, in {@code pulse-documents}), pass the same
 * checks as a JSON batch ({@link IngestService#check}, authorised per row), and are written all or
 * nothing. Rows that would change nothing are not written, so importing a file again writes nothing.
 */
@Singleton
public class ImportService {

    private final EventReader reader;
    private final IngestService ingest;

    ImportService(EventReader reader, IngestService ingest) {
        this.reader = reader;
        this.ingest = ingest;
    }

    /** Reads and checks {@code bytes}; writes what changes unless {@code dryRun} or anything is wrong. */
    public ImportAnswer importFile(byte[] bytes, String fileName, boolean dryRun, Sender sender, Locale locale) {
        List<Sheets.Sheet> sheets = Sheets.read(bytes, fileName);
        Intake.Result intake = Intake.read(sheets, reader);
        List<RowEvent> rows = intake.events();
        IngestService.BatchCheck check = ingest.check(rows.stream().map(RowEvent::event).toList(), sender);

        List<RowError> errors = new ArrayList<>(intake.errors());
        check.invalid().forEach((i, found) -> found.forEach(error -> errors.add(rows.get(i).error(error))));
        check.forbidden().forEach((i, found) -> found.forEach(error -> errors.add(rows.get(i).error(error))));
        List<String> sheetOrder = sheets.stream().map(Sheets.Sheet::name).toList();
        errors.sort(Comparator.<RowError>comparingInt(e -> sheetOrder.indexOf(e.sheet())).thenComparingInt(RowError::row));

        KnownProjects.Lookup lookup = check.projects();
        List<ImportAnswer.Line> lines = new ArrayList<>();
        List<PulseEvent> toWrite = new ArrayList<>();
        int added = 0;
        int changed = 0;
        int unchanged = 0;
        int passed = 0;
        for (int i = 0; i < rows.size(); i++) {
            // Rows not published are skipped, keeping rows and events in step (a row's event ids are
            // new on every import, so none is ever a resend; the check is for that step alone).
            if (check.invalid().containsKey(i) || check.forbidden().containsKey(i) || check.resent().containsKey(i)) {
                continue;
            }
            PulseEvent event = check.events().get(passed++);
            Change change = Change.of(event, current(event, lookup).orElse(null));
            switch (change) {
                case NEW -> added++;
                case CHANGED -> changed++;
                case UNCHANGED -> unchanged++;
            }
            if (change != Change.UNCHANGED) {
                toWrite.add(event);
            }
            RowEvent row = rows.get(i);
            lines.add(new ImportAnswer.Line(row.sheet(), row.row(), event.type(), event.projectId(), item(event),
                    change.name()));
        }
        boolean write = !dryRun && errors.isEmpty() && !toWrite.isEmpty();
        if (write) {
            ingest.publish(toWrite);
        }
        return new ImportAnswer(dryRun, write, write ? toWrite.size() : 0,
                new ImportAnswer.Counts(added, changed, unchanged, errors.size()), lines,
                errors.stream().map(error -> problem(error, locale)).toList(), intake.skippedSheets(),
                intake.ignoredColumns());
    }

    /** The project as it stands in the year the event is about (registration and plan: their year). */
    private static Optional<ProjectView> current(PulseEvent event, KnownProjects.Lookup lookup) {
        if (event.payload() instanceof ProjectRegistered registration) {
            return lookup.viewBefore(event.projectId(), registration.year());
        }
        if (event.payload() instanceof AnnualPlanSet plan) {
            return lookup.viewBefore(event.projectId(), plan.year());
        }
        return lookup.viewBefore(event.projectId(), null);
    }

    private static String item(PulseEvent event) {
        if (event.payload() instanceof ProjectRegistered registration) {
            return registration.name();
        }
        if (event.payload() instanceof AnnualPlanSet plan) {
            return String.valueOf(plan.year());
        }
        if (event.payload() instanceof InvestmentReported report) {
            return report.period().toString();
        }
        if (event.payload() instanceof MilestoneReached milestone) {
            return milestone.milestone().zh;
        }
        return null;
    }

    private static ImportAnswer.Problem problem(RowError error, Locale locale) {
        return new ImportAnswer.Problem(error.sheet(), error.row(), error.column(), error.error().field(),
                error.error().value(), error.error().expected().in(locale), error.message(locale));
    }
}
