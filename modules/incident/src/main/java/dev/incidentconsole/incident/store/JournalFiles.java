package dev.incidentconsole.incident.store;

import dev.incidentconsole.incident.StoreException;
import dev.incidentconsole.incident.TimelineEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks the offline journal of one database: {@code pg-journal-<hash of the URL and user>[-n].jsonl} in
 * the data directory. A second process on the same database gets its own numbered file; journals left by
 * processes that are gone are taken over, so their entries are sent too. Files are emptied, never deleted, and
 * reused by the next claim: at most as many as processes ever ran at once on the database.
 */
final class JournalFiles {
    private static final Logger LOG = LoggerFactory.getLogger(JournalFiles.class);
    private static final int MAX_PARALLEL = 32;

    private JournalFiles() {
    }

    static OfflineJournal claim(Path directory, String databaseKey) throws StoreException {
        String prefix = "pg-journal-" + hash(databaseKey);
        try {
            OfflineJournal mine = null;
            for (int n = 1; n <= MAX_PARALLEL && mine == null; n++) {
                mine = OfflineJournal.tryOpen(directory.resolve(prefix + (n == 1 ? "" : "-" + n) + ".jsonl"));
            }
            if (mine == null) {
                throw new StoreException(StoreException.Reason.IO, "Too many programs use the incident database"
                        + " journal in " + directory + "; close some and try again.");
            }
            adopt(directory, prefix, mine);
            return mine;
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.IO, "Cannot open the offline journal in " + directory
                    + " (" + e.getMessage() + "); check the data directory's permissions.", e);
        }
    }

    /**
     * Moves the entries of this database's journals that no live process holds into {@code mine}.
     *
     * @return the entries taken over
     */
    static List<TimelineEntry> adoptOrphans(Path directory, String databaseKey, OfflineJournal mine)
            throws IOException, StoreException {
        return adopt(directory, "pg-journal-" + hash(databaseKey), mine);
    }

    private static List<TimelineEntry> adopt(Path directory, String prefix, OfflineJournal mine) throws IOException,
            StoreException {
        List<TimelineEntry> taken = new ArrayList<>();
        List<Path> others;
        try (Stream<Path> files = Files.list(directory)) {
            others = files.filter(p -> p.getFileName().toString().startsWith(prefix)
                            && p.getFileName().toString().endsWith(".jsonl") && !p.equals(mine.file()))
                    .sorted().toList();
        }
        for (Path other : others) {
            OfflineJournal orphan = OfflineJournal.tryOpen(other);
            if (orphan == null) {
                continue; // another live process owns it
            }
            try {
                List<TimelineEntry> entries = orphan.readAll();
                if (!entries.isEmpty()) {
                    LOG.info("Taking over {} journaled entries from {}", entries.size(), other);
                    mine.append(entries);
                    taken.addAll(entries);
                }
                // Clears only what was taken over; lines it cannot read go to its .rejected file, not away. The
                // file is emptied, never deleted: a process may have opened it by name just before and lock it
                // just after, and what it writes into a deleted file would be lost. Empty files are claimed again.
                Set<UUID> moved = new HashSet<>();
                entries.forEach(e -> moved.add(e.id()));
                orphan.clearIfSent(moved);
            } finally {
                orphan.close();
            }
        }
        return taken;
    }

    private static String hash(String key) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
