package dev.incidentconsole.incident;

/**
 * What {@link IncidentStore#append} did with an entry. In every outcome the entry is durable when the
 * receipt is returned.
 *
 * @param entry   the entry as recorded: redacted, and with its {@code seq} when stored (0 when journaled)
 * @param outcome where it went
 */
public record Receipt(TimelineEntry entry, Outcome outcome) {
    public enum Outcome {
        /** Committed to the store's database. */
        STORED,
        /** An entry with this id was already stored; {@link #entry()} is the stored one, nothing was added. */
        ALREADY_STORED,
        /** The database is unreachable: written (and synced) to the local journal, sent when it returns. */
        JOURNALED
    }
}
