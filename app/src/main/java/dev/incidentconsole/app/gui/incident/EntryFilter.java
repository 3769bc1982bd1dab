package dev.incidentconsole.app.gui.incident;

import dev.incidentconsole.incident.EntryBody;
import dev.incidentconsole.incident.TimelineEntry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The kinds of entries the timeline can be narrowed to. Health changes of services the incident is not about
 * ({@link EntryBody.HealthChanged#elsewhere()}) are kept together under {@link #ELSEWHERE}, out of the incident's own
 * story (decision 0027).
 */
public enum EntryFilter {
    ALL("This incident", e -> !elsewhere(e)),
    NOTES("Notes", e -> e.body() instanceof EntryBody.Note),
    STEPS("Commands", e -> e.body() instanceof EntryBody.StepStarted || e.body() instanceof EntryBody.StepFinished),
    CHANGES("Status and severity", e -> e.body() instanceof EntryBody.StatusChanged
            || e.body() instanceof EntryBody.SeverityChanged || e.body() instanceof EntryBody.Created),
    SIGNALS("Health and alerts", e -> e.body() instanceof EntryBody.HealthChanged h && !h.elsewhere()
            || e.body() instanceof EntryBody.AlertChanged),
    ELSEWHERE("Elsewhere (other services)", EntryFilter::elsewhere);

    private final String caption;
    private final Predicate<TimelineEntry> test;

    EntryFilter(String caption, Predicate<TimelineEntry> test) {
        this.caption = caption;
        this.test = test;
    }

    private static boolean elsewhere(TimelineEntry e) {
        return e.body() instanceof EntryBody.HealthChanged h && h.elsewhere();
    }

    public boolean accepts(TimelineEntry entry) {
        return test.test(entry);
    }

    /** The {@code entries} this filter accepts, in their order; those in {@code pinnedFirst} first unless null. */
    List<TimelineEntry> shown(List<TimelineEntry> entries, Collection<UUID> pinnedFirst) {
        List<TimelineEntry> list = new ArrayList<>(entries.stream().filter(test).toList());
        if (pinnedFirst != null) {
            list.sort(Comparator.comparing((TimelineEntry e) -> !pinnedFirst.contains(e.id())));
        }
        return list;
    }

    @Override
    public String toString() {
        return caption;
    }
}
