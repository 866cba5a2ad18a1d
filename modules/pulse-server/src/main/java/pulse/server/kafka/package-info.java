/**
 * Pulse's link to Kafka: the embedded broker or an external cluster, the topics, the producer that
 * acknowledges writes only once Kafka has, and the Kafka Streams lifecycle and health.
 */
package pulse.server.kafka;
