package dev.incidentconsole.app.incident;

import dev.incidentconsole.health.ProbeResult;
import dev.incidentconsole.health.ServiceSpec;
import dev.incidentconsole.health.Status;
import dev.incidentconsole.health.schedule.HealthListener;
import dev.incidentconsole.health.schedule.ServiceStatus;
import dev.incidentconsole.health.schedule.StatusChange;
import dev.incidentconsole.health.spec.AlertmanagerSpec;
import dev.incidentconsole.incident.EntryBody;
import dev.incidentconsole.incident.Incident;
import dev.incidentconsole.incident.IncidentStore;
import dev.incidentconsole.incident.Receipt;
import dev.incidentconsole.incident.StoreException;
import dev.incidentconsole.incident.TimelineEntry;
import dev.incidentconsole.runbook.SecretMasker;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes what the dashboard sees into the timelines of the open incidents it concerns ({@link IncidentScope}):
 * a {@code health_changed} entry when a watched service changes status (marked elsewhere in the incidents of its
 * environment it is none of the own services of, {@link IncidentServices}), an {@code alert} entry when an
 * alert of the environment's sources (Alertmanager, Prometheus; one alert reported by both is one) starts firing or
 * resolves.
 *
 * <p>Flapping: a status is recorded once two checks in a row agree on it. DOWN already needs several failed
 * checks in a row (the service's {@code retries}), so it is recorded at once when retries are 2 or more; UP and
 * DEGRADED take effect on one check and are recorded when the next check confirms them. A service that goes
 * UP -> DEGRADED -> UP between two checks records nothing. This follows each service's own interval instead
 * of a fixed window that would be too long for a 5 s check and too short for a 5 min one. The entry happened
 * at the first check of the change (for DOWN, the first of its failed checks in a row) and is recorded at the
 * confirmation. An alert entry happened at the alert's {@code startsAt}, its resolution at the end time the source
 * gave, else when this console first saw it gone ({@link AlertChanges}). The first status after (re)watching is
 * the baseline, not a change; but a service already DOWN or DEGRADED at it goes (from "unknown", once confirmed) into
 * the open incidents about it whose timeline does not already say so: a console started after the incident records
 * it, and every later start does not repeat it.
 *
 * <p>Several consoles on one team store: each records the health changes it saw, with its user as author
 * (probes run from each machine and may disagree, e.g. over a VPN). Alerts are one fact for everyone, so their
 * entries get an id derived from incident, alert and start time: every console and every restart writes the
 * same id, which the store keeps once.
 *
 * <p>Threads: the listener methods (called on probe threads) only queue; one recorder thread reads the open
 * incidents and appends, so a slow or offline store never delays a check. {@code onRecorded} runs on that
 * thread. While the store is offline the last list of open incidents is used and entries are journaled.
 */
public final class HealthRecorder implements HealthListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HealthRecorder.class);
    private static final SecretMasker MASKER = SecretMasker.standard();

    private final Callable<IncidentStore> store;
    private final String author;
    private final Consumer<Receipt> onRecorded;
    private final ExecutorService thread;
    // Everything below is touched on the recorder thread only.
    private final Map<String, Status> settled = new HashMap<>();
    private final Map<String, StatusChange> pending = new HashMap<>();
    private final AlertChanges alerts = new AlertChanges();
    private final Set<UUID> written = new HashSet<>();
    /** The last recorded change of each service it left not UP: where an incident opened about it starts. */
    private final Map<String, Standing> standing = new HashMap<>();
    /** Incidents that have the standing changes (or were open when recorded), with their links then. */
    private final Map<String, List<Object>> caughtUp = new HashMap<>();
    private final UnwatchedAlertEnds unwatched = new UnwatchedAlertEnds();
    private final IncidentServices services = new IncidentServices();
    private final Clock clock = Clock.systemUTC();
    private List<Incident> open = List.of();
    /** The store listed the open incidents once: an empty {@link #open} then means none, not "not known yet". */
    private boolean listed;
    private String environment = "";
    /** The standard rules plus the watched environment's secret values. */
    private SecretMasker masker = MASKER;

    /**
     * @param store      the incident store (opened on first use; called on the recorder thread)
     * @param author     who the entries are by: this console's user
     * @param onRecorded receives every entry recorded, e.g. to show it at once while the store is offline
     */
    public HealthRecorder(Callable<IncidentStore> store, String author, Consumer<Receipt> onRecorded) {
        this.store = store;
        this.author = author;
        this.onRecorded = onRecorded;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "incident-health-recorder");
            t.setDaemon(true);
            return t;
        });
    }

    /** The dashboard now watches {@code name}: what was known of the services of the previous one is dropped. */
    public void environment(String name) {
        run(() -> {
            environment = name == null ? "" : name;
            settled.clear();
            pending.clear();
            standing.clear();
            alerts.clear();
            unwatched.clear();
            services.clear();
        });
    }

    /**
     * The watched environment's secret values (its secrets file's, {@code EnvironmentFile.secretValues}): masked in the
     * checks a health entry describes, where a {@code ${VAR}} filled a token into a URL's path that no rule knows.
     */
    public void secrets(java.util.Collection<String> values) {
        List<String> copy = List.copyOf(values);
        run(() -> masker = MASKER.withSecrets(copy));
    }

    /**
     * The alert sources the dashboard watches (its Alertmanager and Prometheus services, by name): an alert that ended
     * while no console watched is resolved only once all of them answered without it. Empty: the dashboard does not
     * know them yet, and nothing is resolved. Never given (no dashboard): the sources the timeline names for the alert
     * are waited for.
     */
    public void alertSources(List<String> names) {
        List<String> copy = List.copyOf(names);
        run(() -> unwatched.sources(copy));
    }

    /**
     * Incidents this console knows are open (the window's list, incidents started here): added to the last list the
     * store gave while it cannot list any (offline), so an incident started during a team-store outage gets its
     * health and alert entries journaled too.
     */
    public void knownOpen(List<Incident> incidents) {
        List<Incident> copy = List.copyOf(incidents);
        run(() -> {
            List<Incident> merged = new java.util.ArrayList<>(open);
            for (Incident i : copy) {
                int at = java.util.stream.IntStream.range(0, merged.size())
                        .filter(k -> merged.get(k).id().equals(i.id())).findFirst().orElse(-1);
                if (i.open() && at < 0) {
                    merged.add(i);
                } else if (i.open() && i.updatedAt().isAfter(merged.get(at).updatedAt())) {
                    merged.set(at, i); // linked a service or a runbook since the store's list: its own services changed
                }
            }
            open = List.copyOf(merged);
            catchUp(open);
        });
    }

    @Override
    public void statusChanged(StatusChange change) {
        run(() -> changed(change));
    }

    @Override
    public void checked(ServiceStatus status) {
        run(() -> {
            services.saw(status);
            confirm(status);
            if (status.spec().probe() instanceof AlertmanagerSpec && status.last().status().answering()) {
                recordAlerts(status.name(), status);
            } else if (status.spec().probe() instanceof AlertmanagerSpec) {
                alerts.missed(status.name());
            }
        });
    }

    private void changed(StatusChange change) {
        StatusChange c = change;
        StatusChange first = pending.get(c.service());
        if (first != null && first.from() == Status.UNKNOWN && c.to() != Status.UNKNOWN) {
            // The status first seen was never confirmed (a console's cold first check is often slow): it was no
            // baseline, so leaving it is no change ("degraded -> up" at every start); this one is the first sighting.
            c = new StatusChange(c.service(), Status.UNKNOWN, c.to(), c.reason(), c.at(), c.result());
        }
        if (c.from() == Status.UNKNOWN || c.to() == Status.UNKNOWN) {
            settled.put(c.service(), c.to());
            pending.remove(c.service());
            if (c.from() == Status.UNKNOWN && (c.to() == Status.DOWN || c.to() == Status.DEGRADED)) {
                pending.put(c.service(), c); // already unhealthy when first seen: told once confirmed, see confirm
            }
            return;
        }
        if (c.to() == settled.getOrDefault(c.service(), c.from())) {
            pending.remove(c.service()); // back where it was before anyone confirmed the change: a flap
        } else {
            pending.put(c.service(), c);
        }
    }

    private void confirm(ServiceStatus s) {
        StatusChange p = pending.get(s.name());
        if (p == null || s.status() != p.to()) {
            return;
        }
        boolean later = s.last().checkedAt().isAfter(p.result().checkedAt());
        boolean failedInARow = p.to() == Status.DOWN && s.consecutiveFailures() >= 2;
        if (!later && !failedInARow) {
            return;
        }
        pending.remove(s.name());
        boolean firstSeen = p.from() == Status.UNKNOWN;
        Status was = firstSeen ? Status.UNKNOWN : settled.getOrDefault(s.name(), p.from());
        settled.put(s.name(), p.to());
        ServiceSpec spec = s.spec();
        EntryBody.HealthChanged body = new EntryBody.HealthChanged(spec.name(), spec.probe().kind(), was.label(),
                p.to().label(), detail(spec, p.reason(), masker));
        Instant happened = firstCheckOf(p, s);
        for (Incident i : openIncidents()) {
            EntryBody.HealthChanged inIt = services.inIncident(i, environment, spec, body);
            // A service found unhealthy at its first check goes into an incident about it once, not at every start.
            if (inIt != null && !(firstSeen && alreadySays(i, spec.name(), inIt))) {
                append(new TimelineEntry(UUID.randomUUID(), i.id(), 0, micros(happened), micros(clock.instant()),
                        author, null, inIt));
            }
        }
        if (p.to() == Status.UP) {
            standing.remove(s.name());
        } else {
            standing.put(s.name(), new Standing(spec, body, happened));
        }
    }

    /**
     * An incident opened from an amber or red service (here, in another console, on the command line) gets the
     * change that made it so, at the time it happened: the postmortem then shows what the on-call engineer saw.
     */
    private void catchUp(List<Incident> incidents) {
        for (Incident i : incidents) {
            List<Object> links = List.of(i.services(), i.runbooks());
            List<Object> before = caughtUp.put(i.id(), links);
            if (!links.equals(before)) {
                for (Standing st : standing.values()) {
                    EntryBody.HealthChanged inIt = services.inIncident(i, environment, st.spec(), st.body());
                    // A link since makes a service its own: its standing change is told again, as its own.
                    if (inIt != null && !alreadySays(i, st.spec().name(), inIt)) {
                        append(new TimelineEntry(UUID.randomUUID(), i.id(), 0, micros(st.happened()),
                                micros(clock.instant()), author, null, inIt));
                    }
                }
            }
        }
    }

    /**
     * Whether the incident's last health entry about the service already gives the status {@code body} gives: a change
     * told as elsewhere is not yet told as the incident's own, one told as its own (a hurry incident, which owned
     * everything until it linked a service) covers it being elsewhere now (decision 0027).
     */
    private boolean alreadySays(Incident incident, String service, EntryBody.HealthChanged body) {
        String to = body.to();
        try {
            List<TimelineEntry> entries = store.call().entries(incident.id(), 0);
            for (int k = entries.size() - 1; k >= 0; k--) {
                if (entries.get(k).body() instanceof EntryBody.HealthChanged h && h.service().equals(service)) {
                    return h.to().equals(to) && (!h.elsewhere() || body.elsewhere());
                }
            }
            return false;
        } catch (Exception e) {
            LOG.debug("Cannot read incident {} to avoid a repeated health entry: {}", incident.id(), e.getMessage());
            return false;
        }
    }

    private record Standing(ServiceSpec spec, EntryBody.HealthChanged body, Instant happened) {
    }

    /**
     * The reason with what was checked, so a postmortem reader who never saw the dashboard knows what refused:
     * {@code TCP connect 10.0.0.5:6379: connection refused}, {@code GET https://ops:****@api:8443/health: HTTP 503}.
     * Credentials in the probe's target (a URL's password, a token, a command's {@code -a}) are masked.
     */
    static String detail(ServiceSpec spec, String reason) {
        return detail(spec, reason, MASKER);
    }

    /** As {@link #detail(ServiceSpec, String)}, masking with {@code masker} (known secret values too). */
    static String detail(ServiceSpec spec, String reason, SecretMasker masker) {
        // Masked apart: a URL ending in a query token would otherwise take the ":" that follows it into the mask.
        String what = spec.description(masker);
        return reason == null || reason.isEmpty() ? what : what + ": " + masker.mask(reason);
    }

    /**
     * When the change began: for DOWN, the start of the first of the failed checks in a row that led to it
     * (DOWN is declared only after the service's retries); otherwise the start of the check that showed the new
     * status first.
     */
    static Instant firstCheckOf(StatusChange change, ServiceStatus now) {
        Instant first = change.result().checkedAt();
        if (change.to() == Status.DOWN) {
            List<ProbeResult> history = now.history();
            for (int k = history.size() - 1; k >= 0 && history.get(k).status() == Status.DOWN; k--) {
                Instant at = history.get(k).checkedAt();
                first = at.isBefore(first) ? at : first;
            }
        }
        return first;
    }

    private void recordAlerts(String source, ServiceStatus s) {
        List<AlertChanges.Change> changes = alerts.answer(source, s.last().checkedAt(), s.last().alerts(),
                s.last().resolvedAlerts(), s.last().suppressedAlerts());
        // With no change and nothing left to settle the store is not asked (an answer every few seconds per source);
        // an incident opened meanwhile arrives with the next change or the window's list (knownOpen).
        if (changes.isEmpty() && listed && !unwatched.behind(open)) {
            return;
        }
        List<Incident> incidents = openIncidents();
        for (AlertChanges.Change c : changes) {
            for (Incident i : incidents) {
                UUID id = c.entryId(i.id(), c.firing());
                // A firing goes in once per incident; a resolution only where the firing went.
                boolean fresh = !written.contains(id) && (c.firing() || written.contains(c.entryId(i.id(), true)));
                if (fresh && IncidentScope.coversAlert(i, environment, c.alert())) {
                    if (append(c.entry(i.id(), author, clock.instant()))) {
                        written.add(id);
                    }
                }
            }
        }
        // After this answer's own changes: an alert it resolved keeps the resolution with its real timing.
        for (TimelineEntry ended : unwatched.due(incidents, store, environment, alerts, written, source,
                s.last().checkedAt(), author, clock.instant())) {
            if (append(ended)) {
                written.add(ended.id());
            }
        }
    }

    /** Open incidents now, or the last list seen when the store cannot say (offline). */
    private List<Incident> openIncidents() {
        try {
            open = store.call().list(true);
            listed = true;
            catchUp(open);
        } catch (StoreException e) {
            LOG.debug("Using the last list of open incidents: {}", e.getMessage());
        } catch (Exception e) {
            LOG.warn("Cannot list open incidents to record a health change: {}", e.getMessage());
        }
        return open;
    }

    private boolean append(TimelineEntry entry) {
        try {
            Receipt receipt = store.call().append(entry);
            onRecorded.accept(receipt);
            return true;
        } catch (Exception e) {
            LOG.warn("Could not record {} in incident {}: {}", entry.kind(), entry.incidentId(), e.getMessage());
            return false;
        }
    }

    private void run(Runnable task) {
        try {
            thread.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.warn("Recording a health change failed: {}", e.toString());
                }
            });
        } catch (RejectedExecutionException closed) {
            LOG.debug("Health recorder closed; dropped a health event");
        }
    }

    private static Instant micros(Instant t) {
        return t.truncatedTo(ChronoUnit.MICROS);
    }

    /** Waits until the events queued so far are recorded (tests; an orderly look before closing). */
    void awaitIdle() throws Exception {
        thread.submit(() -> { }).get(30, java.util.concurrent.TimeUnit.SECONDS);
    }

    /** Stops recording; queued events are dropped. Idempotent. */
    @Override
    public void close() {
        thread.shutdownNow();
    }
}
