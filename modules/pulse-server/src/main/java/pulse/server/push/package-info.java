/**
 * The push channel for the screen: Server-Sent Events driven by the topology's output topics
 * (totals and project views), coalesced into a few updates a second, resumable by event id.
 */
package pulse.server.push;
