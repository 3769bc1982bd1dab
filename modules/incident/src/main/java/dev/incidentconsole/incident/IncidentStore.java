package dev.incidentconsole.incident;

import java.io.Closeable;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where incidents and their timelines live. Open one with {@link IncidentStores}.
 *
 * <p>Threading: every method may be called from any thread; none may be called on a UI thread, since
 * each can block on disk or network for up to the store's timeout ({@link StoreOptions#timeout()}), after
 * which it fails with {@link StoreException.Reason#TIMEOUT}. Listeners run on one store-owned thread,
 * one call at a time, in timeline order per subscription; they must return quickly.
 *
 * <p>Secrets: every entry is passed through the store's {@link Redactor} before it is written, so the
 * database and journal never hold what it masks.
 */
public interface IncidentStore extends Closeable {

    /** Opens an incident: records its creation entry and returns its first state. */
    Incident create(IncidentDraft draft, String author) throws StoreException;

    /** The incident's current state, or empty when there is none with that id. */
    Optional<Incident> get(String incidentId) throws StoreException;

    /** Incidents newest first; {@code openOnly} leaves out resolved ones. */
    List<Incident> list(boolean openOnly) throws StoreException;

    /**
     * Records one entry durably before returning: committed to the database, or, while it is unreachable,
     * synced to the local journal. Appending an entry whose id is already stored adds nothing. Captured
     * output over a million characters keeps its first and last half million, with the cut marked.
     *
     * @throws StoreException NOT_FOUND when the incident does not exist; CONFLICT when a creation entry
     *                        names an existing incident id
     */
    Receipt append(TimelineEntry entry) throws StoreException;

    /**
     * The incident's entries with {@code seq > afterSeq}, in recording order ({@code seq}); {@code afterSeq=0}
     * for all. Readers show them in {@link TimelineOrder#EVENT} order.
     */
    List<TimelineEntry> entries(String incidentId, long afterSeq) throws StoreException;

    /**
     * Records an exported incident (see {@code IncidentJson}) in one transaction: entries already present
     * (same id) are skipped, so importing twice adds nothing. Entries pass through the redactor.
     *
     * @return how many entries were added
     */
    int importDocument(IncidentDocument document) throws StoreException;

    /**
     * Delivers every entry of the incident with {@code seq > afterSeq} recorded from now on, by this client
     * or (for a shared database) any other, then each new one as it is recorded. Delivery runs on the
     * store's listener thread; a listener that throws is logged and keeps its subscription. While a team store is
     * unreachable, the entries another program on this machine queued for the incident meanwhile (an {@code incident
     * note} in a terminal), once this store's journal takes them over, are delivered too, journaled ({@code seq} 0);
     * their stored copies follow when they are sent.
     */
    Subscription subscribe(String incidentId, long afterSeq, Consumer<TimelineEntry> listener);

    /** Whether the database is reachable now. */
    Connectivity connectivity();

    /** Calls {@code listener} (on the listener thread) whenever {@link #connectivity()} changes. */
    Subscription onConnectivity(Consumer<Connectivity> listener);

    /** Entries journaled while offline and not yet written to the database. */
    int pendingEntries();

    /**
     * The incident's entries that this store journaled (synced on this machine while the database was unreachable)
     * and are still in its journal, in the order they were recorded, each once and with {@code seq} 0: what a reader
     * can still show of the incident while {@link #entries} fails with UNAVAILABLE. They are the entries
     * {@link #entries} returns, with their {@code seq}, once the journal is sent. The journal is emptied only when all
     * of it was sent, so this may include entries already in the database (a send cut off by a new outage): callers
     * that merge it with stored entries de-duplicate by {@link TimelineEntry#id()}. Empty once the whole journal was
     * sent. Reads the local journal only, so it answers during an outage; empty for a store without one (the embedded
     * store).
     *
     * @throws StoreException IO when the journal cannot be read; CLOSED after {@link #close()}
     */
    default List<TimelineEntry> journaled(String incidentId) throws StoreException {
        return List.of();
    }

    /**
     * The incidents opened through this store while the database was unreachable, whose creation still waits in the
     * journal, each replayed from its journaled entries, newest first: what a list can still show of them during the
     * outage (a window restarted meanwhile). Like {@link #journaled}, may include incidents already in the database
     * until the whole journal was sent; empty then, and for a store without a journal.
     *
     * @throws StoreException IO when the journal cannot be read; CLOSED after {@link #close()}
     */
    default List<Incident> journaledIncidents() throws StoreException {
        return List.of();
    }

    /**
     * The incident and its whole timeline, for export and {@code incident show}. The incident is replayed from the
     * timeline, not read from the stored snapshot, so what the fold derives (Acknowledged: the first response by when it
     * was recorded) follows the current rule also for an incident stored by an earlier version.
     *
     * @throws StoreException NOT_FOUND when there is no such incident
     */
    default IncidentDocument document(String incidentId) throws StoreException {
        List<TimelineEntry> entries = entries(incidentId, 0);
        if (entries.isEmpty()) {
            throw new StoreException(StoreException.Reason.NOT_FOUND,
                    "There is no incident " + incidentId + "; list incidents to see the ids.");
        }
        return IncidentDocument.of(entries);
    }

    /** Stops the store's threads and closes its connections; journaled entries stay for the next open. */
    @Override
    void close();
}
