package pulse.rules;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * When units with missing reports are reminded, and in what words: last month's reports are due by
 * the 10th; from {@code reminderDaysBefore} days before, a unit still missing some gets one
 * "due soon" reminder, and on the day itself one "due today" (each once per unit and month).
 */
public final class ReminderRule {

    private ReminderRule() {}

    /** The two reminders of a month: before the deadline (即将截止) and on it (今日截止). */
    public enum Kind {
        DUE_SOON, DUE_TODAY
    }

    /** The reminder due {@code today} for last month's reports, if any. */
    public static Optional<Kind> due(LocalDate today, RuleSettings settings) {
        LocalDate deadline = settings.reportDeadline(YearMonth.from(today).minusMonths(1));
        if (today.equals(deadline)) {
            return Optional.of(Kind.DUE_TODAY);
        }
        boolean soon = today.isBefore(deadline) && !today.isBefore(deadline.minusDays(settings.reminderDaysBefore()));
        return soon ? Optional.of(Kind.DUE_SOON) : Optional.empty();
    }

    /** The group-robot message to a unit: which month, by when, which projects. */
    public static String text(Kind kind, YearMonth period, LocalDate deadline, String unit, List<String> projects) {
        String when = kind == Kind.DUE_TODAY ? "今天（" + deadline + "）是报送截止日" : "报送截止日为" + deadline;
        return String.format("【重点项目报送提醒】%s：%d年%d月投资完成情况%s，以下%d个项目尚未报送：%s。请及时报送。",
                unit, period.getYear(), period.getMonthValue(), when, projects.size(),
                projects.stream().collect(Collectors.joining("、")));
    }
}
