package dev.incidentconsole.health;

/**
 * A runbook's own check command that a native probe stands in for, e.g. {@code docker exec nova_db pg_isready
 * -U nova} probed as PostgreSQL on the row's port.
 *
 * @param command the command as the runbook writes it
 * @param via     what wraps the native check, e.g. {@code docker exec}, {@code docker compose exec},
 *                {@code kubectl exec}; empty when nothing does
 */
public record RunbookCheck(String command, String via) {
    public RunbookCheck {
        command = command == null ? "" : command;
        via = via == null ? "" : via;
    }

    /** What a probe's reason adds, e.g. {@code the runbook checks it with docker exec}. */
    public String note() {
        return "the runbook checks it with " + (via.isEmpty() ? command : via);
    }
}
