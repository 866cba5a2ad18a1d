/**
 * The write path: validate with the model's reader, check the project is known, publish to
 * Kafka and answer only once Kafka acknowledged.
 */
package pulse.server.ingest;
