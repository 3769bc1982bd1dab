package dev.incidentconsole.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * An incident's current state, derived from its timeline by folding the entries in order
 * ({@link #replay(List)}); stores keep it consistent with the entries they hold.
 *
 * @param id             short id, {@code INC-<yyyyMMdd of start, UTC>-<6 hex>}; see {@link IncidentIds}
 * @param title          what is wrong, in a line
 * @param severity       current severity
 * @param status         current status
 * @param environment    e.g. "prod"; may be empty
 * @param startedAt      when the incident started (may be before it was opened)
 * @param acknowledgedAt first acknowledgement; null until then
 * @param mitigatedAt    when it was last mitigated; null when not (or no longer) mitigated
 * @param resolvedAt     when it was resolved; null while open
 * @param updatedAt      time of the latest entry
 * @param responders     people who joined or wrote to the timeline, in order of first appearance
 * @param runbooks       linked runbook sections
 * @param services       linked services
 * @param postmortem     the written postmortem
 * @param pinned         ids of pinned entries, in pin order
 * @param entryCount     number of entries folded
 */
public record Incident(String id, String title, Severity severity, Status status, String environment,
                       Instant startedAt, Instant acknowledgedAt, Instant mitigatedAt, Instant resolvedAt,
                       Instant updatedAt, List<String> responders, List<RunbookLink> runbooks,
                       List<String> services, Postmortem postmortem, List<UUID> pinned, long entryCount) {
    public Incident {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startedAt, "startedAt");
        environment = environment == null ? "" : environment;
        responders = List.copyOf(responders);
        runbooks = List.copyOf(runbooks);
        services = List.copyOf(services);
        postmortem = postmortem == null ? Postmortem.EMPTY : postmortem;
        pinned = List.copyOf(pinned);
    }

    /**
     * Folds a timeline into the incident it describes, in recording order ({@link TimelineOrder#RECORDING}),
     * whatever the order of the list.
     *
     * @param entries the incident's entries; the first recorded must be {@link EntryBody.Created}
     * @throws IllegalArgumentException when the list is empty, does not start with a creation or mixes incidents
     */
    public static Incident replay(List<TimelineEntry> entries) {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("An incident timeline needs at least its creation entry.");
        }
        List<TimelineEntry> recorded = TimelineOrder.byRecording(entries);
        Incident incident = IncidentFold.start(recorded.get(0));
        for (TimelineEntry e : recorded.subList(1, recorded.size())) {
            incident = incident.apply(e);
        }
        return incident;
    }

    /** This incident after {@code entry}; this record is not changed. */
    public Incident apply(TimelineEntry entry) {
        return IncidentFold.apply(this, entry);
    }

    public boolean open() {
        return status.open();
    }

    /** Time from start to resolution, or to {@code now} while open. */
    public Duration duration(Instant now) {
        return Duration.between(startedAt, resolvedAt != null ? resolvedAt : now);
    }
}
