package dev.incidentconsole.app.gui.dashboard;

import dev.incidentconsole.health.ServiceSpec;
import dev.incidentconsole.health.Status;
import dev.incidentconsole.health.schedule.ServiceStatus;
import dev.incidentconsole.runbook.SecretMasker;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * One watched service on the dashboard: its fixed spec and the latest snapshot, replaced as checks arrive.
 * Change it on the UI thread only.
 */
public final class ServiceRow {
    private final ServiceSpec spec;
    private final int order;
    private final ReadOnlyObjectWrapper<ServiceStatus> status;
    private final ReadOnlyObjectWrapper<Status> state;
    private final BooleanProperty checking = new SimpleBooleanProperty();
    private final String probeText;
    private final SecretMasker masker;

    /**
     * @param initial the scheduler's snapshot when the row is made (UNKNOWN before the first check)
     * @param order   position in the environment, to keep a stable order among equals
     */
    public ServiceRow(ServiceStatus initial, int order) {
        this(initial, order, SecretMasker.standard());
    }

    /**
     * @param masker masks the probe's description: the standard rules with the environment's secret values, as its
     *               health entries have it ({@link ServiceSpec#description})
     */
    public ServiceRow(ServiceStatus initial, int order, SecretMasker masker) {
        this.spec = initial.spec();
        this.order = order;
        this.status = new ReadOnlyObjectWrapper<>(initial);
        this.state = new ReadOnlyObjectWrapper<>(initial.status());
        this.masker = masker;
        this.probeText = spec.description(masker);
    }

    /**
     * Takes a newer snapshot of this service; snapshots of another spec (a stale environment) are ignored.
     *
     * @return whether the status (UP, DOWN...) changed, so lists filtered or sorted by it must look again
     */
    boolean update(ServiceStatus snapshot) {
        // The scheduler hands out the spec the row was made with: identity settles it without comparing every field.
        if (snapshot.spec() != spec && !snapshot.spec().equals(spec)) {
            return false;
        }
        status.set(snapshot);
        checking.set(false);
        if (state.get() == snapshot.status()) {
            return false;
        }
        state.set(snapshot.status());
        return true;
    }

    public ServiceSpec spec() {
        return spec;
    }

    public String name() {
        return spec.name();
    }

    public int order() {
        return order;
    }

    public ReadOnlyObjectProperty<ServiceStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ServiceStatus snapshot() {
        return status.get();
    }

    public Status state() {
        return state.get();
    }

    /** The status alone: changes only when it does, not with every check. */
    public ReadOnlyObjectProperty<Status> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** True from "check now" until the answer arrives. */
    public BooleanProperty checkingProperty() {
        return checking;
    }

    /** The probe in one line, credentials masked. */
    public String probeText() {
        return probeText;
    }

    /**
     * The service's labels as detail facts, each under its own name: {@code Components} (those that match runbook
     * components, as the rest of the app calls them), then {@code Tags}; a kind without labels is left out.
     */
    public Map<String, String> labelFacts() {
        Map<String, String> facts = new LinkedHashMap<>();
        if (!spec.components().isEmpty()) {
            facts.put("Components", String.join(", ", spec.components()));
        }
        if (!spec.tags().isEmpty()) {
            facts.put("Tags", String.join(", ", spec.tags()));
        }
        return facts;
    }

    /** The runbook's own check command the probe stands in for (credentials masked), or empty. */
    public String runbookCheckText() {
        return spec.runbookCheck() == null ? "" : masker.maskCommand(spec.runbookCheck().command());
    }

    /** Why it is in its state, credentials masked. */
    public String reason() {
        return masker.mask(status.get().reason());
    }

    /** Whether name, address, probe, tags or components contain the text (case-insensitive). */
    public boolean matches(String text) {
        if (text == null || text.isBlank()) {
            return true;
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        return lower(spec.name()).contains(t) || lower(spec.address()).contains(t) || lower(probeText).contains(t)
                || spec.tags().stream().anyMatch(x -> lower(x).contains(t))
                || spec.components().stream().anyMatch(x -> lower(x).contains(t));
    }

    /** Whether the service carries the tag or component (case-insensitive). */
    public boolean hasLabel(String label) {
        return spec.tags().stream().anyMatch(label::equalsIgnoreCase)
                || spec.components().stream().anyMatch(label::equalsIgnoreCase);
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return name() + " " + state().label();
    }
}
