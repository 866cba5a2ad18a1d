/**
 * How failures become HTTP answers (400 with every field error, 404, and 503 with Retry-After), and
 * what Pulse adds to every connection: the connection limit, security headers, its own handlers.
 */
package pulse.server.web;
