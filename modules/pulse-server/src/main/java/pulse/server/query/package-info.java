/** The read path: live totals, rankings, projects, warnings and the S-curve, answered from the topology's stores. */
package pulse.server.query;
