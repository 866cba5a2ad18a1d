/**
 * What Pulse is about, with no Kafka and no Micronaut: the events units write, the views and totals
 * Pulse answers with, the JSON codec for both, and the validation every way in shares.
 */
package pulse.model;
