/**
 * The benchmark: a synthetic province driven through a broker and a server running as their own
 * processes on this machine, with figures printed and written to docs/benchmarks.md; and JMH
 * microbenchmarks of the hot path.
 */
package pulse.bench;
