package dev.incidentconsole.incident.store;

import dev.incidentconsole.incident.EntryBody;
import dev.incidentconsole.incident.Incident;
import dev.incidentconsole.incident.IncidentJson;
import dev.incidentconsole.incident.Receipt;
import dev.incidentconsole.incident.StoreException;
import dev.incidentconsole.incident.TimelineEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The statements both stores run (the schema is the same), inside the caller's transaction. Each append
 * locks the incident's row, so concurrent clients of a shared database number entries without gaps, and in the
 * order they commit: the lock is held until commit, so no entry commits after one with a higher seq, and a
 * follower reading {@code seq > cursor} skips none ({@code PostgresIncidentStoreTest} holds one append open).
 */
final class TimelineSql {
    /** PostgreSQL channel carrying the id of an incident that got entries. */
    static final String CHANNEL = "incident_entries";

    private final boolean postgres;
    private final int timeoutSeconds;

    TimelineSql(boolean postgres, int timeoutSeconds) {
        this.postgres = postgres;
        this.timeoutSeconds = timeoutSeconds;
    }

    /** Records entries in order (already redacted); entries already stored are reported, not added. */
    List<Receipt> insert(Connection c, List<TimelineEntry> entries) throws SQLException, StoreException {
        Map<String, Incident> touched = new LinkedHashMap<>();
        Map<String, Incident> locked = new HashMap<>();
        List<Receipt> receipts = new ArrayList<>(entries.size());
        for (TimelineEntry e : entries) {
            Optional<TimelineEntry> existing = find(c, e);
            if (existing.isPresent()) {
                receipts.add(new Receipt(existing.get(), Receipt.Outcome.ALREADY_STORED));
                continue;
            }
            TimelineEntry recorded;
            Incident incident;
            if (e.body() instanceof EntryBody.Created) {
                recorded = e.withSeq(1);
                incident = Incident.replay(List.of(recorded));
                insertIncident(c, incident, recorded);
            } else {
                Incident before = locked.get(e.incidentId());
                if (before == null) {
                    before = lockIncident(c, e.incidentId());
                    locked.put(e.incidentId(), before);
                    // Again under the lock: another console may have committed this very entry (an alert's id is
                    // derived, so every console writes the same one) while this one waited for the lock.
                    existing = find(c, e);
                    if (existing.isPresent()) {
                        receipts.add(new Receipt(existing.get(), Receipt.Outcome.ALREADY_STORED));
                        continue;
                    }
                }
                recorded = e.withSeq(before.entryCount() + 1);
                checkReference(c, e);
                try {
                    incident = before.apply(recorded);
                } catch (IllegalArgumentException ex) {
                    throw new StoreException(StoreException.Reason.INVALID_INPUT, ex.getMessage(), ex);
                }
            }
            insertEntry(c, recorded);
            touched.put(incident.id(), incident);
            locked.put(incident.id(), incident);
            receipts.add(new Receipt(recorded, Receipt.Outcome.STORED));
        }
        for (Incident i : touched.values()) {
            updateIncident(c, i);
            if (postgres) {
                try (PreparedStatement ps = prepare(c, "SELECT pg_notify(?, ?)")) {
                    ps.setString(1, CHANNEL);
                    ps.setString(2, i.id());
                    ps.executeQuery().close();
                }
            }
        }
        return receipts;
    }

    Optional<Incident> get(Connection c, String id) throws SQLException, StoreException {
        try (PreparedStatement ps = prepare(c, "SELECT snapshot FROM incidents WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(IncidentJson.readIncident(rs.getString(1))) : Optional.empty();
            }
        }
    }

    List<Incident> list(Connection c, boolean openOnly) throws SQLException, StoreException {
        String where = openOnly ? " WHERE status <> 'resolved'" : "";
        List<Incident> out = new ArrayList<>();
        try (PreparedStatement ps = prepare(c, "SELECT snapshot FROM incidents" + where
                + " ORDER BY started_at DESC, id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(IncidentJson.readIncident(rs.getString(1)));
            }
        }
        return out;
    }

    List<TimelineEntry> entries(Connection c, String incidentId, long afterSeq) throws SQLException, StoreException {
        List<TimelineEntry> out = new ArrayList<>();
        try (PreparedStatement ps = prepare(c, "SELECT seq, payload FROM entries WHERE incident_id = ? AND seq > ?"
                + " ORDER BY seq")) {
            ps.setString(1, incidentId);
            ps.setLong(2, afterSeq);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(IncidentJson.readEntry(rs.getString(2)).withSeq(rs.getLong(1)));
                }
            }
        }
        return out;
    }

    private Optional<TimelineEntry> find(Connection c, TimelineEntry e) throws SQLException, StoreException {
        try (PreparedStatement ps = prepare(c, "SELECT seq, payload FROM entries WHERE id = ?")) {
            ps.setString(1, e.id().toString());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(IncidentJson.readEntry(rs.getString(2)).withSeq(rs.getLong(1)))
                        : Optional.empty();
            }
        }
    }

    /** A pin or a correction must name an entry of the same incident (a correction: a note). */
    private void checkReference(Connection c, TimelineEntry e) throws SQLException, StoreException {
        java.util.UUID target = null;
        if (e.body() instanceof EntryBody.Pin p) {
            target = p.target();
        } else if (e.body() instanceof EntryBody.Note n) {
            target = n.corrects();
        }
        if (target == null) {
            return;
        }
        try (PreparedStatement ps = prepare(c, "SELECT kind FROM entries WHERE id = ? AND incident_id = ?")) {
            ps.setString(1, target.toString());
            ps.setString(2, e.incidentId());
            try (ResultSet rs = ps.executeQuery()) {
                boolean correction = e.body() instanceof EntryBody.Note;
                if (!rs.next() || (correction && !"note".equals(rs.getString(1)))) {
                    throw new StoreException(StoreException.Reason.INVALID_INPUT, "Entry " + e.id()
                            + (correction ? " corrects " : " pins ") + target + ", which is not "
                            + (correction ? "a note" : "an entry") + " of incident " + e.incidentId() + ".");
                }
            }
        }
    }

    private Incident lockIncident(Connection c, String id) throws SQLException, StoreException {
        // SQLite has no row locks; its IMMEDIATE transactions already serialise writers.
        String sql = "SELECT snapshot FROM incidents WHERE id = ?" + (postgres ? " FOR UPDATE" : "");
        try (PreparedStatement ps = prepare(c, sql)) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new StoreException(StoreException.Reason.NOT_FOUND, "There is no incident " + id
                            + " to add to; open the incident first.");
                }
                return IncidentJson.readIncident(rs.getString(1));
            }
        }
    }

    private void insertIncident(Connection c, Incident i, TimelineEntry created) throws SQLException, StoreException {
        try (PreparedStatement ps = prepare(c, "INSERT INTO incidents (id, title, severity, status, started_at,"
                + " updated_at, snapshot) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING")) {
            bindIncident(ps, i);
            if (ps.executeUpdate() == 0) {
                throw new StoreException(StoreException.Reason.CONFLICT, "Incident id " + i.id()
                        + " is already taken by another incident (entry " + created.id() + " would reuse it).");
            }
        }
    }

    private void updateIncident(Connection c, Incident i) throws SQLException {
        try (PreparedStatement ps = prepare(c, "UPDATE incidents SET title = ?, severity = ?, status = ?,"
                + " started_at = ?, updated_at = ?, snapshot = ? WHERE id = ?")) {
            ps.setString(1, i.title());
            ps.setString(2, i.severity().name());
            ps.setString(3, i.status().label());
            ps.setLong(4, micros(i.startedAt()));
            ps.setLong(5, micros(i.updatedAt()));
            ps.setString(6, IncidentJson.writeIncident(i));
            ps.setString(7, i.id());
            ps.executeUpdate();
        }
    }

    private static void bindIncident(PreparedStatement ps, Incident i) throws SQLException {
        ps.setString(1, i.id());
        ps.setString(2, i.title());
        ps.setString(3, i.severity().name());
        ps.setString(4, i.status().label());
        ps.setLong(5, micros(i.startedAt()));
        ps.setLong(6, micros(i.updatedAt()));
        ps.setString(7, IncidentJson.writeIncident(i));
    }

    private void insertEntry(Connection c, TimelineEntry e) throws SQLException, StoreException {
        try (PreparedStatement ps = prepare(c, "INSERT INTO entries (id, incident_id, seq, entry_time, recorded_at,"
                + " author, kind, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING")) {
            ps.setString(1, e.id().toString());
            ps.setString(2, e.incidentId());
            ps.setLong(3, e.seq());
            ps.setLong(4, micros(e.occurredAt()));
            ps.setLong(5, micros(e.recordedAt()));
            ps.setString(6, e.author());
            ps.setString(7, e.kind());
            ps.setString(8, IncidentJson.writeEntry(e));
            if (ps.executeUpdate() == 0) { // its id was committed meanwhile, under another incident (else found above)
                throw new StoreException(StoreException.Reason.CONFLICT, "Entry id " + e.id()
                        + " is already taken by an entry of another incident.");
            }
        }
    }

    private PreparedStatement prepare(Connection c, String sql) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        ps.setQueryTimeout(timeoutSeconds);
        return ps;
    }

    static long micros(Instant t) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, t);
    }
}
