package dev.incidentconsole.incident;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What is known when an incident is opened.
 *
 * @param title       what is wrong
 * @param severity    initial severity
 * @param environment e.g. "prod"; may be empty
 * @param services    affected services
 * @param runbooks    runbook sections already in use
 * @param startedAt   when it started if earlier than now; null means now
 */
public record IncidentDraft(String title, Severity severity, String environment, List<String> services,
                            List<RunbookLink> runbooks, Instant startedAt) {
    public IncidentDraft {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(severity, "severity");
        if (title.isBlank()) {
            throw new IllegalArgumentException("An incident needs a title.");
        }
        environment = environment == null ? "" : environment;
        services = services == null ? List.of() : List.copyOf(services);
        runbooks = runbooks == null ? List.of() : List.copyOf(runbooks);
    }

    public static IncidentDraft of(String title, Severity severity) {
        return new IncidentDraft(title, severity, "", List.of(), List.of(), null);
    }

    /** The creation entry for this draft; its UUID and start date give the incident id. */
    public TimelineEntry toEntry(String author, Clock clock) {
        UUID entryId = UUID.randomUUID();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant start = startedAt != null ? startedAt.truncatedTo(ChronoUnit.MICROS) : now;
        EntryBody.Created body = new EntryBody.Created(title, severity, environment, services, runbooks, start);
        return new TimelineEntry(entryId, IncidentIds.of(entryId, start), 0, now, now, author, null, body);
    }
}
