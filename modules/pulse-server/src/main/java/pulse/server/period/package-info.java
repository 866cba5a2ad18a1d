/**
 * The county's monthly cycle: closing a month into a frozen snapshot of one position of the event
 * log ({@link pulse.server.period.PeriodService}), the archive of closed periods on
 * {@code pulse.periods} ({@link pulse.server.period.PeriodArchive}), the bulletin made from them,
 * and the carry-forward of plans into a new year.
 */
package pulse.server.period;
