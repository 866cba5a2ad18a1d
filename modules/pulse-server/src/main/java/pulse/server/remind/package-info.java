/**
 * Reminders to units with missing reports, through a WeCom/DingTalk group robot
 * ({@code PULSE_WEBHOOK_URL}): when ({@link pulse.rules.ReminderRule}), sent once per unit, month and
 * kind across restarts and instances ({@link pulse.server.remind.ReminderLedger} on
 * {@code pulse.reminders}), retried with back-off when the webhook fails.
 */
package pulse.server.remind;
