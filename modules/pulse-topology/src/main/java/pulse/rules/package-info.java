/**
 * The county's rules as pure functions of their inputs and "today": the time-proportional target,
 * the warning lights with their reasons, and the five grades. No Kafka here; each rule has a
 * table-driven test.
 */
package pulse.rules;
