package dev.incidentconsole.search;

import dev.incidentconsole.runbook.Runbook;

import java.nio.file.Path;

/**
 * Hears what {@link RunbookIndex} does with runbook files it loads itself (folder indexing and watching).
 * Called on the indexing thread: keep it short and hand UI work to the UI thread. Exceptions thrown by a
 * listener are logged and otherwise ignored.
 */
public interface IndexListener {

    IndexListener NONE = new IndexListener() {
    };

    /** A file was (re)indexed; its parse warnings are in {@link Runbook#warnings()}. */
    default void indexed(Runbook runbook, int sections) {
    }

    /** A file left the index because it was deleted or moved away. */
    default void removed(Path file) {
    }

    /**
     * A file could not be read or parsed; the index keeps its previous version, if any.
     *
     * @param message one sentence naming the file and what to do
     */
    default void failed(Path file, String message) {
    }
}
