package dev.incidentconsole.app.incident;

import dev.incidentconsole.health.FiringAlert;
import dev.incidentconsole.health.alert.MergedAlerts;
import dev.incidentconsole.incident.TimelineEntry;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Turns the answers of an environment's alert sources into changes. The sources' alerts are merged first
 * ({@link MergedAlerts}: Alertmanager and Prometheus report one alert once). Every alert firing is "firing" again
 * on every answer, so an incident opened while an alert fires still gets it (callers skip the entry ids they
 * already wrote); an alert no source lists any more, firing or silenced, is "resolved". Only answers count: a
 * source that is down has not resolved its alerts, and one that silenced or inhibited an alert has not either.
 *
 * <p>When it resolved, as the engineer reading the timeline expects it, and the change says which:
 * <ul>
 *   <li>at the {@code endsAt} a source gave: one listed in the past, or the one Alertmanager listed while it was
 *       firing once that time has passed with the alert gone (Alertmanager ends an alert at its {@code endsAt} when
 *       no new report renews it);</li>
 *   <li>else when this console first saw it gone, the first answer of the last source that stopped listing it.
 *       Alertmanager's list of active alerts drops an alert resolved early (its new, past {@code endsAt} is never
 *       listed) and Prometheus gives no end at all; the last answer that still listed it firing is named too, so a
 *       reader sees the window it ended in.</li>
 * </ul>
 * Not thread-safe.
 */
final class AlertChanges {
    /**
     * How often a sender is taken to renew an alert until one was seen renewed: Prometheus' default resend delay and
     * evaluation interval. Listings further apart may have missed a renewal (decision 0016).
     */
    static final Duration DEFAULT_RENEWAL = Duration.ofMinutes(1);

    /**
     * An alert firing or resolved.
     *
     * @param alert    the alert as first seen (its start and labels make the entry id)
     * @param sources  every source that reported it since it began
     * @param happened when it resolved (ignored for a firing, which happened at its start)
     * @param timing   how {@code happened} was found (a resolution: the source's end time, or first seen gone)
     */
    record Change(FiringAlert alert, boolean firing, List<String> sources, Instant happened, String timing) {
        /** The same id for the same alert firing (or resolving) in the same incident, on any console. */
        UUID entryId(String incidentId, boolean firingEntry) {
            return AlertEntries.id(incidentId, alert, firingEntry);
        }

        TimelineEntry entry(String incidentId, String author, Instant noticed) {
            return firing ? AlertEntries.firing(incidentId, alert, sources, author, noticed)
                    : AlertEntries.resolved(incidentId, alert, sources, happened, timing, author, noticed);
        }
    }

    /** One alert from its first sighting until no source lists it. */
    private static final class Episode {
        final FiringAlert first;
        /**
         * The merged alert as last listed: Alertmanager's start once it reported it. Matching uses it, never
         * {@code first}: a Prometheus pending start is "the same" as every later start, so two Alertmanager starts
         * would otherwise be one episode.
         */
        FiringAlert latest;
        final Set<String> sources = new LinkedHashSet<>();
        Instant lastSeen;
        Instant endsAt;
        String endedBy;
        /** The future {@code endsAt} a source listed with the alert firing: when it ends unless renewed. */
        Instant projectedEnd;
        String projectedBy;
        /** When {@code projectedEnd} was listed. */
        Instant projectedAt;
        /** The last two listings gave the same {@code projectedEnd}: its sender had stopped renewing it. */
        boolean steady;
        /** A source of it did not answer since it was last listed: a renewal may have gone unseen. */
        boolean missed;
        /** It was last listed silenced or inhibited, not firing. */
        boolean silenced;
        /** The smallest step by which a renewal was seen to move {@code projectedEnd}, else null. */
        Duration renewal;

        Episode(FiringAlert first) {
            this.first = first;
            this.latest = first;
        }
    }

    private final Map<String, List<FiringAlert>> bySource = new LinkedHashMap<>();
    private final Map<String, List<FiringAlert>> suppressedBySource = new LinkedHashMap<>();
    private List<Episode> episodes = new ArrayList<>();

    /**
     * Takes what one source answered.
     *
     * @param source   the source (its service name)
     * @param at       when it answered
     * @param firing   the alerts it lists firing
     * @param resolved the alerts it lists with a past {@code endsAt}
     * @param suppressed the alerts it lists firing but silenced or inhibited: one already followed goes on, silently
     */
    List<Change> answer(String source, Instant at, List<FiringAlert> firing, List<FiringAlert> resolved,
                        List<FiringAlert> suppressed) {
        bySource.put(source, List.copyOf(firing));
        suppressedBySource.put(source, List.copyOf(suppressed));
        for (FiringAlert r : resolved) {
            for (Episode e : episodes) {
                if (MergedAlerts.same(e.latest, r)) {
                    e.endsAt = r.endsAt();
                    e.endedBy = source;
                }
            }
        }
        List<Episode> now = new ArrayList<>();
        List<Change> changes = new ArrayList<>();
        for (MergedAlerts.Seen seen : MergedAlerts.merge(bySource)) {
            Episode e = ongoing(seen.alert(), now);
            if (e == null) {
                e = new Episode(seen.alert());
                e.lastSeen = at;
            }
            e.latest = seen.alert();
            e.sources.addAll(seen.sources());
            if (seen.sources().contains(source)) {
                e.lastSeen = at;
                e.missed = false;
                e.silenced = false;
                for (FiringAlert f : firing) {
                    if (f.endsAt() != null && MergedAlerts.same(e.latest, f)) {
                        project(e, f.endsAt(), source, at);
                    }
                }
                if (source.equals(e.endedBy)) {
                    e.endsAt = null; // the source that ended it lists it again
                    e.endedBy = null;
                }
            }
            now.add(e);
            changes.add(new Change(e.first, true, List.copyOf(e.sources), null, null));
        }
        for (Episode e : episodes) {
            if (now.contains(e)) {
                continue;
            }
            if (suppressedAnywhere(e)) {
                now.add(e); // silenced during the incident, still firing: no entry until it ends or fires again
            } else {
                changes.add(resolution(e, source, at));
            }
        }
        for (Episode e : now) {
            for (FiringAlert f : suppressed) {
                if (MergedAlerts.same(e.latest, f)) {
                    e.lastSeen = at;
                    e.missed = false;
                    e.silenced = true;
                    project(e, f.endsAt(), source, at);
                }
            }
        }
        episodes = now;
        return changes;
    }

    private static void project(Episode e, Instant endsAt, String source, Instant at) {
        e.steady = endsAt != null && endsAt.equals(e.projectedEnd) && source.equals(e.projectedBy);
        // Only listings at most a default renewal apart show one renewal's step: across a laptop's sleep the end moved
        // by many renewals, and that hour taken for the renewal would hide the next sleep.
        boolean close = e.projectedAt != null && Duration.between(e.projectedAt, at).compareTo(DEFAULT_RENEWAL) <= 0;
        if (close && endsAt != null && e.projectedEnd != null && endsAt.isAfter(e.projectedEnd)
                && source.equals(e.projectedBy)) {
            Duration step = Duration.between(e.projectedEnd, endsAt);
            e.renewal = e.renewal == null || step.compareTo(e.renewal) < 0 ? step : e.renewal;
        }
        e.projectedEnd = endsAt;
        e.projectedBy = source;
        e.projectedAt = at;
    }

    /**
     * {@code source} was checked and did not answer: the alerts it reported may have been renewed unseen, so the end
     * time it last listed no longer dates their resolution.
     */
    void missed(String source) {
        episodes.stream().filter(e -> e.sources.contains(source)).forEach(e -> e.missed = true);
    }

    private boolean suppressedAnywhere(Episode e) {
        return suppressedBySource.values().stream().flatMap(List::stream).anyMatch(f -> MergedAlerts.same(e.latest, f));
    }

    /**
     * The episode ended: {@code source}'s answer at {@code at} was the first to list it nowhere. The future end time
     * last listed dates it only when it is sure no renewal went unseen: its sender had stopped renewing (the last two
     * listings gave the same time) and no source of it failed to answer since. Otherwise a renewal between two
     * answers (a check interval longer than the sender's, a laptop asleep, a source unreachable) may have moved the
     * real end later, and "resolved" must not be earlier than it: first seen gone, naming that end time.
     */
    private static Change resolution(Episode e, String source, Instant at) {
        List<String> sources = List.copyOf(e.sources);
        if (e.endsAt != null) {
            return new Change(e.first, false, sources, e.endsAt, "at the end time " + e.endedBy + " gave");
        }
        boolean projected = e.projectedEnd != null && e.projectedEnd.isAfter(e.lastSeen) && !e.projectedEnd.isAfter(at);
        // Listings further apart than a renewal (a long check interval, a laptop asleep: the wall clock jumped while
        // no check ran) may have missed one, however steady the end time looked before.
        Duration renewal = e.renewal == null ? DEFAULT_RENEWAL : e.renewal;
        boolean gap = Duration.between(e.lastSeen, at).compareTo(renewal) > 0;
        if (projected && e.steady && !e.missed && !gap) {
            return new Change(e.first, false, sources, e.projectedEnd, "at the end time " + e.projectedBy
                    + " gave; no new report renewed it");
        }
        String seen = "; last listed " + (e.silenced ? "silenced" : "firing") + " at "
                + e.lastSeen.truncatedTo(ChronoUnit.SECONDS);
        // The source whose answer no longer listed it, unless it never reported the alert: then one that did.
        String gone = e.sources.contains(source) || e.sources.isEmpty() ? source : List.copyOf(e.sources).get(e.sources.size() - 1);
        if (projected) {
            return new Change(e.first, false, sources, at, "first seen gone; " + e.projectedBy + " last gave the end time "
                    + e.projectedEnd.truncatedTo(ChronoUnit.SECONDS) + ", which a renewal it did not see may have moved"
                    + seen);
        }
        return new Change(e.first, false, sources, at, "first seen gone; " + gone + " gives no end time" + seen);
    }

    /**
     * The episode {@code alert} continues: of those whose latest listing it is the same alert as, the one whose
     * start is nearest. Matched against the latest (Alertmanager's start once it listed it), not the first sighting:
     * an episode first seen in Prometheus (its pending start) is "the same" as every later firing of the alert, so a
     * firing again with a new start would otherwise go on with the first episode, which then never resolves.
     */
    private Episode ongoing(FiringAlert alert, List<Episode> taken) {
        return episodes.stream().filter(e -> !taken.contains(e) && MergedAlerts.same(e.latest, alert))
                .min(Comparator.comparing((Episode e) -> distance(e.latest, alert))).orElse(null);
    }

    private static Duration distance(FiringAlert a, FiringAlert b) {
        return a.startsAt() == null || b.startsAt() == null ? Duration.ZERO
                : Duration.between(a.startsAt(), b.startsAt()).abs();
    }

    /** Whether every one of {@code sources} has answered since the sources were last forgotten. */
    boolean answered(List<String> sources) {
        return !sources.isEmpty() && bySource.keySet().containsAll(sources);
    }

    /**
     * Whether a source lists the alert firing or silenced now, or an episode follows it. By name and labels only
     * ({@link MergedAlerts#identity}): an alert rebuilt from a timeline entry has no state, so "Prometheus' start may
     * be earlier" cannot apply, and after a restart Alertmanager's start differs from Prometheus' by the rule's
     * {@code for:}; an alert that fired again with a new start is still firing, which is the safe answer.
     */
    boolean follows(FiringAlert alert) {
        String identity = MergedAlerts.identity(alert);
        return episodes.stream().anyMatch(e -> MergedAlerts.identity(e.first).equals(identity))
                || java.util.stream.Stream.concat(bySource.values().stream(), suppressedBySource.values().stream())
                        .flatMap(List::stream).anyMatch(f -> MergedAlerts.identity(f).equals(identity));
    }

    /** Forgets every source (the dashboard switched environment). */
    void clear() {
        bySource.clear();
        suppressedBySource.clear();
        episodes = new ArrayList<>();
    }
}
