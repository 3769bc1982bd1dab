package dev.incidentconsole.app.gui.incident;

import dev.incidentconsole.incident.EntryBody;
import dev.incidentconsole.incident.TimelineEntry;
import java.util.function.Predicate;

/** The kinds of entries the timeline can be narrowed to. */
public enum EntryFilter {
    ALL("All entries", e -> true),
    NOTES("Notes", e -> e.body() instanceof EntryBody.Note),
    STEPS("Commands", e -> e.body() instanceof EntryBody.StepStarted || e.body() instanceof EntryBody.StepFinished),
    CHANGES("Status and severity", e -> e.body() instanceof EntryBody.StatusChanged
            || e.body() instanceof EntryBody.SeverityChanged || e.body() instanceof EntryBody.Created),
    SIGNALS("Health and alerts", e -> e.body() instanceof EntryBody.HealthChanged || e.body() instanceof EntryBody.AlertChanged);

    private final String caption;
    private final Predicate<TimelineEntry> test;

    EntryFilter(String caption, Predicate<TimelineEntry> test) {
        this.caption = caption;
        this.test = test;
    }

    public boolean accepts(TimelineEntry entry) {
        return test.test(entry);
    }

    @Override
    public String toString() {
        return caption;
    }
}
