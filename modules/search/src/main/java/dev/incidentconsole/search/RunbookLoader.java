package dev.incidentconsole.search;

import dev.incidentconsole.runbook.Runbook;
import dev.incidentconsole.runbook.RunbookParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and parses runbook files for a writable {@link RunbookIndex} and tells its listener how each went: the
 * part of indexing that deals with files on disk and the Markdown parser, which a read-only index never needs.
 */
final class RunbookLoader {

    /** Obtained when something is logged: a search that logs nothing never starts the logging. */
    private static Logger log() {
        return LoggerFactory.getLogger(RunbookIndex.class);
    }

    private final RunbookIndex index;
    private final IndexListener listener;
    private final RunbookParser parser = new RunbookParser();

    RunbookLoader(RunbookIndex index, IndexListener listener) {
        this.index = index;
        this.listener = listener;
    }

    /**
     * Reads, parses and indexes one file; one that cannot be read or parsed goes to the listener and the log,
     * and the index keeps its earlier version; one that no longer exists is removed.
     *
     * @param visibleNow whether to make the change visible to searches at once (bulk loads refresh at the end)
     * @return whether the file is now indexed from its current content
     */
    boolean load(Path file, boolean visibleNow) {
        Path abs = file.toAbsolutePath().normalize();
        Runbook runbook;
        try {
            runbook = parser.parse(abs);
        } catch (NoSuchFileException e) {
            if (!Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
                index.remove(abs);
                return false;
            }
            return failed(abs, "it points to " + e.getMessage() + ", which does not exist");
        } catch (IOException e) {
            return failed(abs, "it cannot be read (" + e.getMessage() + ")");
        } catch (RuntimeException e) {
            log().debug("Parser failure on {}", abs, e);
            return failed(abs, "the parser failed on it (" + e + ")");
        }
        int n = index.put(runbook);
        if (visibleNow) {
            index.refreshAfterEdit();
        }
        notify(() -> listener.indexed(runbook, n));
        return true;
    }

    /** Reports a file that was not indexed to the listener and the log; returns false. */
    boolean failed(Path file, String why) {
        String message = "Runbook " + file + " was not indexed: " + why + "; fix the file and save it again.";
        log().warn(message);
        notify(() -> listener.failed(file, message));
        return false;
    }

    /** Calls the listener; its failures are logged, never passed on to the indexing. */
    static void notify(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            log().warn("Index listener failed: {}", e.toString());
        }
    }
}
