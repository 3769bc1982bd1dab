package dev.incidentconsole.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** One {@link RunbookIndex#update} of a stored index: parse what changed, drop what is gone, commit. */
final class StoredUpdate {

    private final RunbookIndex index;
    private final FileStamps stamps;
    private boolean changed;

    StoredUpdate(RunbookIndex index, FileStamps stamps) {
        this.index = index;
        this.stamps = stamps;
    }

    /**
     * Whether the stamps hold exactly these files, each with its recorded size and modification time: then
     * {@link #run} would change nothing. A file that cannot be read counts as changed.
     */
    static boolean unchanged(FileStamps stamps, List<Path> runbookFiles) {
        Set<String> listed = new HashSet<>();
        for (Path f : runbookFiles) {
            Path file = f.toAbsolutePath().normalize();
            String key = SectionDocuments.fileKey(file);
            listed.add(key);
            try {
                if (!FileStamps.attributes(file).sameAttributes(stamps.get(key))) {
                    return false;
                }
            } catch (IOException e) {
                return false;
            }
        }
        return listed.equals(stamps.keys());
    }

    int run(List<Path> runbookFiles) {
        Set<String> listed = new HashSet<>();
        int indexed = 0;
        for (Path f : runbookFiles) {
            Path file = f.toAbsolutePath().normalize();
            String key = SectionDocuments.fileKey(file);
            listed.add(key);
            indexed += refresh(file, key) ? 1 : 0;
        }
        try {
            for (String key : stamps.keys()) {
                if (!listed.contains(key)) {
                    index.drop(key);
                    stamps.remove(key);
                    changed = true;
                }
            }
            if (changed) {
                index.commit(stamps.commitData(SearchFields.INDEX_FORMAT));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot update the search index", e);
        }
        return indexed;
    }

    /** Brings one file up to date; whether it was parsed and indexed. */
    private boolean refresh(Path file, String key) {
        FileStamps.Stamp prior = stamps.get(key);
        try {
            FileStamps.Stamp now = FileStamps.attributes(file);
            if (now.sameAttributes(prior)) {
                return false;
            }
            now = FileStamps.hashed(file, now);
            changed = true;
            if (prior != null && prior.hash().equals(now.hash())) {
                stamps.put(key, now); // touched, not changed: nothing to parse
                return false;
            }
            if (index.load(file, false)) {
                stamps.put(key, now);
                return true;
            }
        } catch (IOException e) {
            index.unreadable(file, e);
            changed = true;
        }
        stamps.remove(key); // tried again next time; the index keeps the file's earlier version, if any
        return false;
    }
}
