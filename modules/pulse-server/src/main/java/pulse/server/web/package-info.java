/** How failures become HTTP answers: 400 with every field error, 404, and 503 with Retry-After. */
package pulse.server.web;
