package dev.incidentconsole.runbook;

/** Which tool a command drives; the command runner uses it to suggest a target. */
public enum Runner {
    KUBECTL, DOCKER, DOCKER_COMPOSE, SYSTEMD, PSQL, REDIS_CLI, CURL, HELM, SHELL;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
