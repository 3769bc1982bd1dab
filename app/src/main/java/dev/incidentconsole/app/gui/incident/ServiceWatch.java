package dev.incidentconsole.app.gui.incident;

import dev.incidentconsole.health.Status;
import java.util.Optional;
import javafx.beans.value.ObservableValue;

/** The dashboard as a walkthrough sees it: a watched service's status, for a verification step to wait on. */
public interface ServiceWatch {
    /** Watches nothing: no service can be waited for. */
    ServiceWatch NONE = service -> Optional.empty();

    /**
     * The status of {@code service} as the dashboard shows it, changing on the UI thread; empty when the
     * dashboard does not watch a service of that name.
     */
    Optional<ObservableValue<Status>> status(String service);

    /**
     * What the dashboard knows of {@code service} as a walkthrough's link: its values for placeholders, and the
     * environment it is watched in; empty when the dashboard does not watch a service of that name.
     */
    default Optional<ServiceLink> link(String service) {
        return Optional.empty();
    }

    /** Asks for a check now, so a wait does not last a whole check interval. */
    default void checkNow(String service) {
    }
}
