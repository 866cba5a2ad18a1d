/**
 * The demo county: SAMPLE DATA for trying Pulse. The projects' names come from the county's 2022
 * work report; every figure is invented. It is loaded through the real write path.
 */
package pulse.server.demo;
