/** What an operator watches: records set aside on the dead-letter topic, counted for the screen and Prometheus. */
package pulse.server.operations;
