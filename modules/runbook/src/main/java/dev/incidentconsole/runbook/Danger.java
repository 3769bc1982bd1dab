package dev.incidentconsole.runbook;

/**
 * Why a command is destructive and must be confirmed before it runs.
 *
 * @param rule   stable identifier of the rule that matched, e.g. {@code redis-flush}
 * @param reason a sentence for the engineer, e.g. "deletes every key in the Redis database"
 */
public record Danger(String rule, String reason) {
}
