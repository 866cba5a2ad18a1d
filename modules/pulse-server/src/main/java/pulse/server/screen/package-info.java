/** The pages Pulse serves itself: the monitoring screen ({@code /}) and the units' report form ({@code /report}). */
package pulse.server.screen;
