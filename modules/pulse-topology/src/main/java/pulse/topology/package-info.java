/**
 * The Kafka Streams topology as a plain builder ({@link pulse.topology.PulseTopology}): events in,
 * per-project state and views, and additive totals per unit, township, work area, level and county.
 */
package pulse.topology;
