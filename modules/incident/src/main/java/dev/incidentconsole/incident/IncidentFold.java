package dev.incidentconsole.incident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The rules that turn one entry into the next incident state (see {@link Incident#apply}). */
final class IncidentFold {
    private IncidentFold() {
    }

    static Incident start(TimelineEntry e) {
        if (!(e.body() instanceof EntryBody.Created c)) {
            throw new IllegalArgumentException("Timeline of " + e.incidentId() + " does not start with its creation"
                    + " entry (found '" + e.kind() + "').");
        }
        Instant started = c.startedAt() != null ? c.startedAt() : e.occurredAt();
        return new Incident(e.incidentId(), c.title(), c.severity(), Status.INVESTIGATING, c.environment(),
                started, null, null, null, e.occurredAt(), List.of(e.author()), c.runbooks(), c.services(),
                Postmortem.EMPTY, List.of(), 1);
    }

    static Incident apply(Incident i, TimelineEntry e) {
        if (!e.incidentId().equals(i.id())) {
            throw new IllegalArgumentException("Entry " + e.id() + " belongs to " + e.incidentId() + ", not " + i.id() + ".");
        }
        EntryBody b = e.body();
        if (b instanceof EntryBody.Created) {
            throw new IllegalArgumentException("Incident " + i.id() + " already has a creation entry; " + e.id()
                    + " would create it again.");
        }
        String title = i.title();
        Severity severity = i.severity();
        Status status = i.status();
        String environment = i.environment();
        Instant acked = i.acknowledgedAt();
        Instant mitigated = i.mitigatedAt();
        Instant resolved = i.resolvedAt();
        List<String> responders = i.responders();
        List<RunbookLink> runbooks = i.runbooks();
        List<String> services = i.services();
        Postmortem pm = i.postmortem();
        List<UUID> pinned = i.pinned();
        if (joins(b)) {
            responders = with(responders, e.author());
        }
        if (respondsTo(b)) {
            acked = firstResponse(acked, e.recordedAt(), i.startedAt());
        }
        if (b instanceof EntryBody.StatusChanged s) {
            status = s.to();
            mitigated = switch (status) {
                case INVESTIGATING, IDENTIFIED -> null;
                // The first time impact stopped: moving from mitigated to resolved and back keeps it.
                case MITIGATED -> mitigated == null ? e.occurredAt() : mitigated;
                // Resolving does not say when impact stopped; a postmortem must not invent it (decision 0027).
                case RESOLVED -> mitigated;
            };
            resolved = status == Status.RESOLVED ? e.occurredAt() : null;
        } else if (b instanceof EntryBody.SeverityChanged s) {
            severity = s.to();
        } else if (b instanceof EntryBody.DetailsChanged d) {
            title = d.title() != null ? d.title() : title;
            environment = d.environment() != null ? d.environment() : environment;
        } else if (b instanceof EntryBody.ResponderJoined r) {
            responders = with(responders, r.name());
        } else if (b instanceof EntryBody.RunbookLinked r) {
            runbooks = with(runbooks, r.link());
        } else if (b instanceof EntryBody.ServiceLinked s) {
            services = with(services, s.service());
        } else if (b instanceof EntryBody.Pin p) {
            pinned = p.pinned() ? with(pinned, p.target()) : without(pinned, p.target());
        } else if (b instanceof EntryBody.PostmortemEdited p) {
            pm = new Postmortem(p.summary() != null ? p.summary() : pm.summary(),
                    p.impact() != null ? p.impact() : pm.impact(),
                    p.rootCause() != null ? p.rootCause() : pm.rootCause(),
                    p.actionItems() != null ? p.actionItems() : pm.actionItems());
        }
        Instant updated = e.occurredAt().isAfter(i.updatedAt()) ? e.occurredAt() : i.updatedAt();
        return new Incident(i.id(), title, severity, status, environment, i.startedAt(), acked, mitigated, resolved,
                updated, responders, runbooks, services, pm, pinned, i.entryCount() + 1);
    }

    /**
     * Whether the entry shows a person on the incident: an acknowledgement, a note, a step run, a status or severity
     * change, a responder joining. A postmortem's "Acknowledged" is the first of these after the incident opened,
     * whichever it is; automatic entries (health, alerts) are not a response.
     */
    private static boolean respondsTo(EntryBody b) {
        return joins(b) || b instanceof EntryBody.ResponderJoined;
    }

    /**
     * The earliest response, by when it was recorded: a note dated back ("02:07 customer reported") tells when
     * something happened, not when a person answered. Never before the incident started.
     */
    private static Instant firstResponse(Instant acked, Instant at, Instant started) {
        Instant response = at.isBefore(started) ? started : at;
        return acked == null || response.isBefore(acked) ? response : acked;
    }

    /** Entries a person writes make that person a responder; automatic ones (health, alerts) do not. */
    private static boolean joins(EntryBody b) {
        return b instanceof EntryBody.Note || b instanceof EntryBody.Acknowledged
                || b instanceof EntryBody.StatusChanged || b instanceof EntryBody.SeverityChanged
                || b instanceof EntryBody.StepStarted || b instanceof EntryBody.StepFinished;
    }

    private static <T> List<T> with(List<T> list, T item) {
        if (list.contains(item)) {
            return list;
        }
        List<T> copy = new ArrayList<>(list);
        copy.add(item);
        return copy;
    }

    private static <T> List<T> without(List<T> list, T item) {
        List<T> copy = new ArrayList<>(list);
        copy.remove(item);
        return copy;
    }
}
