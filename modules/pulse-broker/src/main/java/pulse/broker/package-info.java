/** A real single-node Kafka broker in KRaft mode, started from Kafka's own classes, for the embedded default. */
package pulse.broker;
