package pulse.documents.intake;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import pulse.model.Level;
import pulse.model.Light;
import pulse.model.Milestone;
import pulse.model.ProjectStatus;
import pulse.model.ProjectView;
import pulse.model.WorkArea;

/** Projects as the server would show them, for templates and change detection. */
final class SampleProjects {

    private SampleProjects() {}

    /** A 2022 project with a 1,200 万元 plan (100 a month), 开工 planned 2022-03-15, and the given months reported. */
    static ProjectView project(String id, String unit, Map<String, BigDecimal> months) {
        List<BigDecimal> monthly = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            monthly.add(new BigDecimal("100.00"));
        }
        Map<Milestone, ProjectView.MilestoneView> milestones = new EnumMap<>(Milestone.class);
        milestones.put(Milestone.STARTED, new ProjectView.MilestoneView(LocalDate.of(2022, 3, 15), null, false));
        milestones.put(Milestone.COMPLETED, new ProjectView.MilestoneView(LocalDate.of(2023, 6, 30), null, false));
        BigDecimal done = months.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return new ProjectView(id, "项目" + id, WorkArea.URBAN, "城关镇", unit, Level.COUNTY,
                new BigDecimal("5000.00"), 2022, new BigDecimal("1200.00"), monthly, new BigDecimal("300.00"),
                ProjectStatus.UNDER_CONSTRUCTION, null, done, done.add(new BigDecimal("300.00")), BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, new TreeMap<>(months), milestones, List.of(), List.of(), null,
                Light.GREEN, List.of(), 2022, true, Map.of(), List.of());
    }
}
