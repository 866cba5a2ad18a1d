/**
 * Who may write what: accounts (kept on a compacted Kafka topic, passwords BCrypt-hashed), login
 * with a signed JWT, the roles admin / unit / viewer, and who sent each event.
 */
package pulse.server.security;
