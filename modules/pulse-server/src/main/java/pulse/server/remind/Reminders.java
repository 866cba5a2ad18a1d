package pulse.server.remind;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pulse.model.PeriodSnapshot.MissingReports;
import pulse.model.PeriodSnapshot.ProjectRef;
import pulse.rules.ReminderRule;
import pulse.rules.RuleSettings;
import pulse.server.PulseClock;
import pulse.server.kafka.KafkaBacked;
import pulse.server.period.PeriodService;

/**
 * Checks once a {@code pulse.reminders.check-seconds} whether reminders are due ({@link ReminderRule})
 * and sends each unit with missing reports its one reminder of that kind for the month, through
 * the webhook when {@code PULSE_WEBHOOK_URL} is set. A failed send is retried with back-off (from
 * {@code retry-base-ms}, doubling, up to 30 minutes) on its own thread: nothing else waits for it.
 */
@Context
@KafkaBacked
class Reminders {

    private static final Logger LOG = LoggerFactory.getLogger(Reminders.class);
    private static final Duration MAX_BACK_OFF = Duration.ofMinutes(30);

    private final ReminderLedger ledger;
    private final PeriodService periods;
    private final RuleSettings rules;
    private final PulseClock clock;
    private final Webhook webhook;
    private final long retryBaseMs;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "pulse-reminders");
        thread.setDaemon(true);
        return thread;
    });

    Reminders(ReminderLedger ledger, PeriodService periods, RuleSettings rules, PulseClock clock,
            @Value("${pulse.reminders.webhook-url:}") String webhookUrl,
            @Value("${pulse.reminders.check-seconds:60}") long checkSeconds,
            @Value("${pulse.reminders.retry-base-ms:30000}") long retryBaseMs) {
        this.ledger = ledger;
        this.periods = periods;
        this.rules = rules;
        this.clock = clock;
        this.retryBaseMs = retryBaseMs;
        this.webhook = webhookUrl.isBlank() ? null : new Webhook(webhookUrl.strip());
        if (webhook != null) {
            timer.scheduleWithFixedDelay(this::check, checkSeconds, checkSeconds, TimeUnit.SECONDS);
            LOG.info("Reminders go to the webhook at {} (checked every {} s)", webhookUrl, checkSeconds);
        }
    }

    private void check() {
        try {
            retryFailed();
            remindToday();
        } catch (RuntimeException e) {
            LOG.warn("Reminders could not be checked now ({}); next check as scheduled", e.toString());
        }
    }

    private void retryFailed() {
        Instant now = Instant.now();
        for (Reminder failed : ledger.failedOfMine()) {
            if (!now.isBefore(failed.nextAttempt())) {
                send(failed);
            }
        }
    }

    private void remindToday() {
        LocalDate today = clock.today();
        Optional<ReminderRule.Kind> kind = ReminderRule.due(today, rules);
        if (kind.isEmpty()) {
            return;
        }
        YearMonth period = YearMonth.from(today).minusMonths(1);
        LocalDate deadline = rules.reportDeadline(period);
        for (MissingReports unit : periods.missing(period)) {
            String key = period + "/" + unit.unitId() + "/" + kind.get();
            if (!ledger.claimable(key)) {
                continue;   // sent, or being sent (or retried) by an instance
            }
            String text = ReminderRule.text(kind.get(), period, deadline, unit.unitId(),
                    unit.projects().stream().map(ProjectRef::name).toList());
            if (ledger.claim(period.toString(), unit.unitId(), kind.get().name(), text)) {
                send(ledger.find(key).orElseThrow());
            }
        }
    }

    private void send(Reminder reminder) {
        int attempts = reminder.attempts() + 1;
        try {
            webhook.send(reminder.text());
            ledger.write(reminder.with(Reminder.SENT, attempts, null, null));
            LOG.info("Reminded {} of {} ({})", reminder.unitId(), reminder.period(), reminder.kind());
        } catch (IOException e) {
            failed(reminder, attempts, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void failed(Reminder reminder, int attempts, String error) {
        long backOff = Math.min(MAX_BACK_OFF.toMillis(), retryBaseMs << Math.min(attempts - 1, 20));
        ledger.write(reminder.with(Reminder.FAILED, attempts, error, Instant.now().plusMillis(backOff)));
        LOG.warn("Reminder to {} for {} failed (attempt {}): {}; next in {} ms", reminder.unitId(), reminder.period(),
                attempts, error, backOff);
    }

    @PreDestroy
    void close() {
        timer.shutdownNow();
    }
}
