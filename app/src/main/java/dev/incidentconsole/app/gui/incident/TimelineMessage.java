package dev.incidentconsole.app.gui.incident;

import java.nio.file.Path;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The timeline's information line: an export written, or entries kept on this machine while the team store cannot
 * take them, until they are stored. UI thread only.
 */
final class TimelineMessage {
    /** Also when the store is only slow (its writer held past the timeout), not offline. */
    static final String KEPT_LOCALLY = "Not stored yet: saved locally, sent when the team store takes it.";
    static final String JOINED_OFFLINE = "Joined while the team store is unreachable: what you record is kept on this"
            + " machine and sent when the store is back.";

    private final StringProperty text = new SimpleStringProperty("");

    /** An entry of the shown incident returned from the store: kept locally, or stored (which ends the line). */
    void received(boolean journaled) {
        text.set(journaled ? KEPT_LOCALLY : "");
    }

    void joinedOffline() {
        text.set(JOINED_OFFLINE);
    }

    void exported(Path file) {
        text.set("Exported to " + file);
    }

    /**
     * The store sent what it had kept of the shown incident ({@code allStored}: nothing shown waits any more). Journaled
     * while it stayed online (its writer busy with its own long write), no connectivity event says so, and the line
     * would stay until a later note is stored.
     */
    void sent(boolean allStored) {
        if (allStored && KEPT_LOCALLY.equals(text.get())) {
            text.set("");
        }
    }

    /** The team store answers again: a line that entries are kept locally no longer holds. */
    void storeReachable() {
        if (KEPT_LOCALLY.equals(text.get()) || JOINED_OFFLINE.equals(text.get())) {
            text.set("");
        }
    }

    StringProperty property() {
        return text;
    }
}
