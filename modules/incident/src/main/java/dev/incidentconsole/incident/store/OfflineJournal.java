package dev.incidentconsole.incident.store;

import dev.incidentconsole.incident.IncidentJson;
import dev.incidentconsole.incident.StoreException;
import dev.incidentconsole.incident.TimelineEntry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entries waiting for an unreachable database: one JSON entry per line, synced (data and length) before
 * {@link #append} returns, so a crash loses nothing that was reported recorded. A torn last line (a crash
 * mid-write, never acknowledged) is cut off when the journal is opened. Held with an exclusive file lock;
 * not thread-safe (the store calls it under its journal guard).
 */
final class OfflineJournal implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OfflineJournal.class);

    /**
     * The journal files this JVM holds. Checked before opening a channel: closing a second channel on a file this
     * process already locks drops the process's lock (POSIX locks belong to the process, not the channel), so another
     * process could then write the same file.
     */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path file;
    private final FileChannel channel;
    private final FileLock fileLock;
    private int count;

    private OfflineJournal(Path file, FileChannel channel, FileLock fileLock) {
        this.file = file;
        this.channel = channel;
        this.fileLock = fileLock;
    }

    /** Opens the journal, or returns null when another process, or another store in this one, holds it. */
    static OfflineJournal tryOpen(Path file) throws IOException {
        Path key = file.toAbsolutePath().normalize();
        if (!HELD.add(key)) {
            return null;
        }
        boolean opened = false;
        try {
            Files.createDirectories(key.getParent());
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException e) {
                lock = null; // not one of ours (HELD): locked by code outside the journal
            }
            if (lock == null) {
                ch.close();
                return null;
            }
            OfflineJournal j = new OfflineJournal(file, ch, lock);
            try {
                j.cutTornTail();
                j.count = j.readAll().size();
            } catch (IOException e) {
                j.closeChannel();
                throw e;
            }
            opened = true;
            return j;
        } finally {
            if (!opened) {
                HELD.remove(key);
            }
        }
    }

    Path file() {
        return file;
    }

    int size() {
        return count;
    }

    void append(List<TimelineEntry> entries) throws StoreException {
        StringBuilder sb = new StringBuilder();
        entries.forEach(e -> sb.append(IncidentJson.writeEntry(e.withSeq(0))).append('\n'));
        try {
            ByteBuffer buf = ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8));
            channel.position(channel.size());
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
            channel.force(true);
            count += entries.size();
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.IO, "The database is unreachable and the local journal "
                    + file + " cannot be written (" + e.getMessage() + "); the entry was NOT recorded.", e);
        }
    }

    List<TimelineEntry> readAll() throws IOException {
        List<TimelineEntry> out = new ArrayList<>();
        String text = new String(readBytes(), StandardCharsets.UTF_8);
        int lineNo = 0;
        for (String line : text.split("\n")) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            try {
                out.add(IncidentJson.readEntry(line));
            } catch (StoreException e) {
                LOG.warn("Skipping unreadable line {} of the offline journal {}: {}", lineNo, file, e.getMessage());
            }
        }
        return out;
    }

    /**
     * Empties the journal when every entry in it is in {@code sent}, else leaves the file untouched: it is never
     * rewritten, so a crash or an IO error cannot lose an entry still waiting (one sent already is sent again,
     * and the database keeps its first). Lines that cannot be read are moved to the {@code .rejected} file first.
     *
     * @return true when the journal is empty afterwards
     * @throws IOException the unreadable lines could not be kept, or the file not emptied; nothing was lost
     */
    boolean clearIfSent(Set<UUID> sent) throws IOException {
        String text = new String(readBytes(), StandardCharsets.UTF_8);
        if (text.isEmpty()) {
            return true;
        }
        StringBuilder unreadable = new StringBuilder();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                if (!sent.contains(IncidentJson.readEntry(line).id())) {
                    return false;
                }
            } catch (StoreException e) {
                unreadable.append(line).append('\n');
            }
        }
        if (!unreadable.isEmpty()) {
            Files.writeString(rejectedFile(), unreadable, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.SYNC);
            LOG.warn("Moved the unreadable lines of the offline journal {} to {}", file, rejectedFile());
        }
        clear();
        return true;
    }

    /**
     * The entries that pass {@code which}, in recording order, each id's first write: an entry appended twice while
     * offline is journaled twice, and the database keeps its first.
     */
    List<TimelineEntry> firstWrites(Predicate<TimelineEntry> which) throws StoreException {
        if (count == 0) {
            return List.of();
        }
        Map<UUID, TimelineEntry> firsts = new LinkedHashMap<>();
        try {
            readAll().stream().filter(which).forEach(e -> firsts.putIfAbsent(e.id(), e));
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.IO, "Cannot read the offline journal " + file + " ("
                    + e.getMessage() + "); its entries stay there and are sent when the database is back.", e);
        }
        return List.copyOf(firsts.values());
    }

    void clear() throws IOException {
        channel.truncate(0);
        channel.force(true);
        count = 0;
    }

    /** Keeps an entry the database refused (e.g. its incident is gone) beside the journal, for a person to look at. */
    void reject(TimelineEntry e, String why) {
        Path rejected = rejectedFile();
        String line = IncidentJson.writeEntry(e) + "\n";
        try {
            Files.writeString(rejected, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.SYNC);
            LOG.warn("The database refused journaled entry {} ({}); kept in {}", e.id(), why, rejected);
        } catch (IOException io) {
            LOG.error("The database refused journaled entry {} ({}) and {} cannot be written: {}", e.id(), why,
                    rejected, io.getMessage());
        }
    }

    private Path rejectedFile() {
        return file.resolveSibling(file.getFileName() + ".rejected");
    }

    private byte[] readBytes() throws IOException {
        ByteBuffer buf = ByteBuffer.allocate((int) channel.size());
        channel.position(0);
        while (buf.hasRemaining() && channel.read(buf) >= 0) {
            // read until full
        }
        return buf.array();
    }

    private void cutTornTail() throws IOException {
        byte[] bytes = readBytes();
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] != '\n') {
            end--;
        }
        if (end < bytes.length) {
            LOG.warn("Cutting an unfinished last line ({} bytes) from the offline journal {}", bytes.length - end, file);
            channel.truncate(end);
            channel.force(true);
        }
    }

    @Override
    public void close() {
        closeChannel();
        HELD.remove(file.toAbsolutePath().normalize());
    }

    private void closeChannel() {
        try {
            fileLock.release();
        } catch (IOException ignored) {
            // The channel close below releases it too.
        }
        JdbcIncidentStore.closeQuietly(channel);
    }
}
