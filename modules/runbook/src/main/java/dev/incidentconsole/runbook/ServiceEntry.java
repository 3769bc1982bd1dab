package dev.incidentconsole.runbook;

/**
 * A service named in a runbook table with its port.
 *
 * @param protocol e.g. {@code HTTP}, {@code TCP}, {@code WS}; empty when the table has no such column
 * @param check    the health-check command, without surrounding backticks; empty when none
 * @param line     1-based line of the table row
 */
public record ServiceEntry(String name, int port, String protocol, String check, int line) {
}
