package dev.incidentconsole.app.gui.dashboard;

import dev.incidentconsole.incident.Times;
import dev.incidentconsole.app.cli.IncidentEntryText;
import dev.incidentconsole.app.incident.IncidentScope;
import dev.incidentconsole.health.ProbeResult;
import dev.incidentconsole.health.ServiceSpec;
import dev.incidentconsole.health.Status;
import dev.incidentconsole.health.schedule.ServiceStatus;
import dev.incidentconsole.incident.EntryBody;
import dev.incidentconsole.incident.Incident;
import dev.incidentconsole.incident.TimelineEntry;
import dev.incidentconsole.runbook.SecretMasker;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What the service detail chart draws, on wall-clock time: latency of the answered checks, the failed ones,
 * the status of each check as background segments, and a mark at each entry of the current incident that
 * concerns the service ({@link IncidentScope#marks}), at the time it happened. A step's start and finish are
 * one mark, at its start. Immutable; computed without a screen.
 *
 * @param from      left edge: the oldest check kept (a minute before {@code to} when there is none), down to a
 *                  whole {@code tick}
 * @param to        right edge: now, or the latest check or entry if later (entries up to a minute ahead), up to
 *                  a whole {@code tick}
 * @param tick      distance between time labels
 * @param answered  checks that got an answer: time and latency in ms
 * @param lines     the answered checks in runs with no failed check between them: each is one line, so no line
 *                  crosses an outage
 * @param failed    checks that got none, at 0 ms
 * @param segments  consecutive checks of one status, oldest first, from the first check to the last one's end
 *                  (the next check, or now)
 * @param marks     the incident's entries on the chart, oldest first
 * @param outside   the incident's entries about the service that happened before {@code from} (not drawn)
 */
record ServiceChart(Instant from, Instant to, Duration tick, List<Point> answered, List<List<Point>> lines,
                    List<Point> failed, List<Segment> segments, List<Mark> marks, int outside) {
    /** Marks closer than this (in pixels) are drawn as one, with their count. */
    static final double MERGE_PIXELS = 6;
    private static final long[] TICK_SECONDS = {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800,
            21600, 43200, 86400};
    private static final int MAX_TICKS = 8;
    private static final Duration EMPTY_SPAN = Duration.ofMinutes(1);
    private static final SecretMasker MASKER = SecretMasker.standard();
    /** How far ahead of the clock an entry may be and still widen the chart to show it. */
    private static final Duration AHEAD = Duration.ofMinutes(1);

    record Point(Instant at, double latencyMs) {
    }

    record Segment(Instant from, Instant to, Status status) {
    }

    /**
     * One entry on the chart.
     *
     * @param at     when it happened
     * @param kind   one word: step, note, status, severity, alert, health, opened...
     * @param text   what it says, secrets masked, e.g. {@code ran `psql -c 'select 1'` on local: exit 0 after 1.2 s}
     * @param author who recorded it
     * @param style  the CSS class of its colour
     */
    record Mark(Instant at, String kind, String text, String author, String style) {
        /** {@code 14:03:12 UTC  step  alice} and the text under it. */
        String describe() {
            return Times.clock(at) + "  " + kind + "  " + author + "\n" + text;
        }
    }

    /** Marks drawn as one at {@code x} pixels from the left edge; the first decides the colour. */
    record Cluster(double x, List<Mark> marks) {
        /** The tooltip: each entry, preceded by the count when there are several. */
        String describe() {
            String all = marks.stream().map(Mark::describe).collect(Collectors.joining("\n\n"));
            return marks.size() == 1 ? all : marks.size() + " entries\n\n" + all;
        }
    }

    /** Nothing to draw: no service shown. */
    static final ServiceChart EMPTY = new ServiceChart(Instant.EPOCH, Instant.EPOCH.plus(EMPTY_SPAN), Duration.ofSeconds(10),
            List.of(), List.of(), List.of(), List.of(), List.of(), 0);

    /** The chart of {@code status} at {@code now}, with the marks of {@link #marks} that fall on it. */
    static ServiceChart of(ServiceStatus status, List<Mark> allMarks, Instant now) {
        List<ProbeResult> history = status.history();
        Instant last = history.isEmpty() ? now : history.get(history.size() - 1).checkedAt();
        Instant to = last.isAfter(now) ? last : now;
        for (Mark m : allMarks) {
            // The dashboard's clock moves once a second: an entry just recorded may be a moment ahead of it.
            if (m.at().isAfter(to) && !m.at().isAfter(now.plus(AHEAD))) {
                to = m.at();
            }
        }
        Instant from = history.isEmpty() ? to.minus(EMPTY_SPAN) : history.get(0).checkedAt();
        if (!from.isBefore(to)) {
            from = to.minusSeconds(1);
        }
        List<Point> ok = new ArrayList<>();
        List<List<Point>> lines = new ArrayList<>();
        List<Point> bad = new ArrayList<>();
        List<Segment> segments = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            ProbeResult p = history.get(i);
            if (p.status().answering()) {
                Point point = new Point(p.checkedAt(), p.latency().toNanos() / 1e6);
                ok.add(point);
                if (i == 0 || !history.get(i - 1).status().answering()) {
                    lines.add(new ArrayList<>());
                }
                lines.get(lines.size() - 1).add(point);
            } else {
                bad.add(new Point(p.checkedAt(), 0));
            }
            Instant end = i + 1 < history.size() ? history.get(i + 1).checkedAt() : to;
            Segment before = segments.isEmpty() ? null : segments.get(segments.size() - 1);
            if (before != null && before.status() == p.status()) {
                segments.set(segments.size() - 1, new Segment(before.from(), end, p.status()));
            } else {
                segments.add(new Segment(p.checkedAt(), end, p.status()));
            }
        }
        // Edges on whole ticks: the time labels fall on round times, and a mark at the first check is not cut.
        Duration tick = tick(Duration.between(from, to));
        long t = tick.toSeconds();
        from = Instant.ofEpochSecond(Math.floorDiv(from.getEpochSecond(), t) * t);
        long end = to.getEpochSecond() + (to.getNano() > 0 ? 1 : 0);
        to = Instant.ofEpochSecond(Math.floorDiv(end + t - 1, t) * t);
        List<Mark> marks = new ArrayList<>();
        int outside = 0;
        for (Mark m : allMarks) {
            if (m.at().isBefore(from)) {
                outside++;
            } else if (!m.at().isAfter(to)) {
                marks.add(m);
            }
        }
        return new ServiceChart(from, to, tick, ok, lines.stream().map(List::copyOf).toList(), bad, segments, marks,
                outside);
    }

    /** The marks, merged where they would be closer than {@link #MERGE_PIXELS} on a plot {@code width} pixels wide. */
    List<Cluster> clusters(double width) {
        List<Cluster> out = new ArrayList<>();
        List<Mark> group = new ArrayList<>();
        double groupX = 0;
        for (Mark m : marks) {
            double x = x(m.at(), width);
            if (!group.isEmpty() && x - groupX >= MERGE_PIXELS) {
                out.add(new Cluster(groupX, List.copyOf(group)));
                group.clear();
            }
            if (group.isEmpty()) {
                groupX = x;
            }
            group.add(m);
        }
        if (!group.isEmpty()) {
            out.add(new Cluster(groupX, List.copyOf(group)));
        }
        return out;
    }

    /** Where {@code t} falls on a plot {@code width} pixels wide. */
    double x(Instant t, double width) {
        return (seconds(t) - seconds(from)) / (seconds(to) - seconds(from)) * width;
    }

    /** A time as the chart's x value: seconds since the epoch. */
    static double seconds(Instant t) {
        return t.getEpochSecond() + t.getNano() / 1e9;
    }

    /** A chart x value as a time of day in UTC, as the timeline shows it ({@link Times#clock}). */
    static String clock(double seconds) {
        return Times.clock(Instant.ofEpochMilli(Math.round(seconds * 1000)));
    }

    /** The shortest round step that leaves at most {@value #MAX_TICKS} labels. */
    static Duration tick(Duration span) {
        for (long s : TICK_SECONDS) {
            if (span.toSeconds() / s < MAX_TICKS) {
                return Duration.ofSeconds(s);
            }
        }
        return Duration.ofSeconds(TICK_SECONDS[TICK_SECONDS.length - 1] * Math.max(1, span.toDays() / MAX_TICKS + 1));
    }

    /**
     * The entries of {@code incident} (may be null: none) that concern {@code service} as watched in
     * {@code environment}, oldest first, secrets masked; a step's finish joins its start. Linear in the entries;
     * run it off the UI thread (a long incident has thousands).
     */
    static List<Mark> marks(ServiceSpec service, Incident incident, List<TimelineEntry> entries, String environment) {
        if (incident == null) {
            return List.of();
        }
        Map<UUID, EntryBody.StepFinished> finishes = new HashMap<>();
        Set<UUID> starts = new HashSet<>();
        for (TimelineEntry e : entries) {
            if (e.body() instanceof EntryBody.StepFinished f && f.started() != null) {
                finishes.put(f.started(), f);
            } else if (e.body() instanceof EntryBody.StepStarted) {
                starts.add(e.id());
            }
        }
        List<Mark> out = new ArrayList<>();
        for (TimelineEntry e : entries) {
            if (!e.incidentId().equals(incident.id()) || !IncidentScope.marks(incident, environment, service, e)
                    || e.body() instanceof EntryBody.StepFinished f && f.started() != null && starts.contains(f.started())) {
                continue; // a finish is told at its start
            }
            TimelineEntry shown = e;
            if (e.body() instanceof EntryBody.StepStarted && finishes.containsKey(e.id())) {
                shown = e.withBody(finishes.get(e.id()));
            }
            out.add(new Mark(e.occurredAt(), kind(shown), MASKER.mask(IncidentEntryText.summary(shown)), e.author(),
                    style(shown)));
        }
        out.sort(java.util.Comparator.comparing(Mark::at));
        return out;
    }

    private static String kind(TimelineEntry e) {
        EntryBody b = e.body();
        if (b instanceof EntryBody.StepStarted || b instanceof EntryBody.StepFinished) {
            return b instanceof EntryBody.StepFinished f && f.notRun() != null ? "not run" : "step";
        } else if (b instanceof EntryBody.StatusChanged) {
            return "status";
        } else if (b instanceof EntryBody.SeverityChanged) {
            return "severity";
        } else if (b instanceof EntryBody.AlertChanged) {
            return "alert";
        } else if (b instanceof EntryBody.HealthChanged) {
            return "health";
        } else if (b instanceof EntryBody.Created) {
            return "opened";
        }
        return e.kind().replace('_', ' ');
    }

    private static String style(TimelineEntry e) {
        EntryBody b = e.body();
        if (b instanceof EntryBody.StepStarted || b instanceof EntryBody.StepFinished) {
            return "mark-step";
        } else if (b instanceof EntryBody.Note) {
            return "mark-note";
        } else if (b instanceof EntryBody.AlertChanged || b instanceof EntryBody.HealthChanged) {
            return "mark-signal";
        }
        return "mark-incident";
    }
}
