package dev.incidentconsole.app.gui.incident;

import dev.incidentconsole.incident.Connectivity;
import dev.incidentconsole.incident.IncidentStore;
import dev.incidentconsole.incident.Subscription;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ObservableStringValue;

/**
 * The Incidents view's Store line: whether the team store is unreachable or waits for another session's lock, and how
 * many entries wait on this machine meanwhile (the timeline's {@code queued} count). UI thread only, except
 * {@link #follow}'s listener, which hands every change to {@code uiThread}.
 */
final class StoreLine {
    private final Executor uiThread;
    private final TimelineViewModel timeline;
    private final BooleanProperty offline = new SimpleBooleanProperty();
    /** The store answers, but queued entries have waited rounds for a lock another session holds. */
    private final BooleanProperty waitingForLock = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private ObservableStringValue where = new SimpleStringProperty("");

    StoreLine(Executor uiThread, TimelineViewModel timeline) {
        this.uiThread = uiThread;
        this.timeline = timeline;
        offline.addListener(o -> describe());
        waitingForLock.addListener(o -> describe());
        timeline.queuedProperty().addListener(o -> describe());
    }

    /** Names the team store in the line ({@code db.internal:5432/incidents}), following {@code target}. */
    void naming(ObservableStringValue target) {
        where = target;
        target.addListener(o -> describe());
        describe();
    }

    /**
     * Follows {@code opened}'s connectivity, {@code now} and {@code queued} to begin with; {@code backOnline} runs on
     * the UI thread when it answers again after being unreachable.
     */
    Subscription follow(IncidentStore opened, Connectivity now, int queued, Runnable backOnline) {
        Subscription s = opened.onConnectivity(c -> {
            int waiting = opened.pendingEntries(); // on the store's listener thread, not the UI's
            uiThread.execute(() -> {
                boolean wasOffline = offline.get();
                show(c, waiting);
                if (c != Connectivity.OFFLINE) {
                    timeline.storeReachable();
                }
                if (wasOffline && c != Connectivity.OFFLINE) {
                    backOnline.run();
                }
            });
        });
        uiThread.execute(() -> show(now, queued));
        return s;
    }

    private void show(Connectivity c, int queued) {
        offline.set(c == Connectivity.OFFLINE);
        waitingForLock.set(c == Connectivity.WAITING_FOR_LOCK);
        timeline.queuedProperty().set(queued);
    }

    private void describe() {
        int n = timeline.queuedProperty().get();
        String store = where.get();
        String state = offline.get() ? "Team store unreachable"
                : waitingForLock.get() ? "Team store waiting for a lock held by another session" : null;
        text.set(state == null ? "" : state + (store.isEmpty() ? "" : " (" + store + ")")
                + " - " + n + (n == 1 ? " entry" : " entries") + " queued");
    }

    BooleanProperty offlineProperty() {
        return offline;
    }

    ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }
}
