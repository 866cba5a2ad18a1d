/**
 * The Micronaut application: the write API ({@code ingest}), the read API ({@code query}), the
 * Kafka connection and Streams lifecycle ({@code kafka}), the demo county ({@code demo}), and the
 * mapping of errors to HTTP answers ({@code web}).
 */
package pulse.server;
