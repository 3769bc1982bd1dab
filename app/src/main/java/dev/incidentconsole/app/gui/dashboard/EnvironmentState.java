package dev.incidentconsole.app.gui.dashboard;

import dev.incidentconsole.app.services.ServiceSources;
import dev.incidentconsole.app.targets.ServiceTargets;
import dev.incidentconsole.health.ServiceSpec;
import dev.incidentconsole.health.env.Environment;
import dev.incidentconsole.health.env.EnvironmentException;
import dev.incidentconsole.health.env.EnvironmentFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The environment part of the dashboard: which environments exist (file ones and the runbooks' port
 * tables), which is chosen, whether it is production, and what is wrong with the file or the environment.
 * Change on the UI thread only.
 */
public final class EnvironmentState {
    private final ObservableList<String> names = FXCollections.observableArrayList();
    private final ObjectProperty<String> name = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper production = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>();
    private final ServiceTargets targets;
    private ServiceSources sources;
    private EnvironmentFile envFile;
    private String fileError = "";
    private String envError = "";
    private String description = "";
    private String preferred;
    private boolean settled;
    private Consumer<String> onActivate = n -> { };

    EnvironmentState(ServiceTargets targets) {
        this.targets = targets;
        this.sources = new ServiceSources(null, List.of(), targets);
        name.addListener((obs, old, now) -> {
            if (now != null) {
                onActivate.accept(now);
            }
        });
    }

    /** Binds check commands to the targets they name; {@link ServiceTargets#preload()} it off the UI thread. */
    ServiceTargets targets() {
        return targets;
    }

    void onActivate(Consumer<String> action) {
        this.onActivate = action;
    }

    /** A file is being read: choose nothing until it is there, then {@code wanted} if it has it. */
    void fileLoading(String wanted) {
        this.preferred = wanted;
        this.settled = false;
    }

    void fileLoaded(EnvironmentFile loaded, String problem, List<ServiceSpec> portTables) {
        envFile = loaded;
        fileError = problem;
        file.set(loaded == null ? null : loaded.file());
        settled = true;
        sources(portTables);
    }

    /** The loaded file's secret values ({@link EnvironmentFile#secretValues()}), none without a file. */
    public List<String> secretValues() {
        return envFile == null ? List.of() : envFile.secretValues();
    }

    /** New port-table services (runbooks reloaded): offers the environments again and re-activates the chosen one. */
    void sources(List<ServiceSpec> portTables) {
        sources = new ServiceSources(envFile, portTables, targets);
        if (!settled) {
            return;
        }
        List<String> list = sources.names();
        String current = name.get();
        String want = current != null && list.contains(current) ? current
                : preferred != null && list.contains(preferred) ? preferred : sources.defaultName();
        // Changed in place, not replaced: a combo box showing these names forgets its value when its items are replaced.
        names.removeIf(n -> !list.contains(n));
        for (int i = 0; i < list.size(); i++) {
            if (i >= names.size() || !names.get(i).equals(list.get(i))) {
                names.remove(list.get(i));
                names.add(i, list.get(i));
            }
        }
        if (Objects.equals(current, want)) {
            onActivate.accept(want);
        } else {
            name.set(want);
        }
    }

    /** The services of the environment, or none with {@link #errorProperty()} saying why. */
    List<ServiceSpec> activate(String chosen) {
        List<ServiceSpec> specs = List.of();
        envError = "";
        description = "";
        if (chosen != null) {
            try {
                Environment e = sources.environment(chosen);
                production.set(e.production());
                description = e.description();
                specs = e.services();
            } catch (EnvironmentException e) {
                production.set(sources.isProduction(chosen));
                envError = e.getMessage();
            }
        }
        List<String> errors = new ArrayList<>();
        if (!fileError.isEmpty()) {
            errors.add(fileError + " (showing what the runbooks offer)");
        }
        if (!envError.isEmpty()) {
            errors.add(envError);
        }
        error.set(String.join("\n", errors));
        List<String> notes = new ArrayList<>();
        if (preferred != null && !names.contains(preferred)) {
            notes.add("No environment named \"" + preferred + "\"; showing " + chosen + ".");
        }
        if (chosen != null && specs.isEmpty() && envError.isEmpty()) {
            notes.add("No services to watch: add an environment file next to the runbooks (see the README) "
                    + "or a table with Service and Port columns to a runbook.");
        }
        if (envFile != null) {
            notes.addAll(envFile.warnings());
        }
        notice.set(String.join("\n", notes));
        return specs;
    }

    /** Environment names to pick from: the file's, then {@value ServiceSources#PORT_TABLES}. */
    public ObservableList<String> names() {
        return names;
    }

    /** The chosen environment; setting it switches what is watched. */
    public ObjectProperty<String> nameProperty() {
        return name;
    }

    public ReadOnlyBooleanProperty productionProperty() {
        return production.getReadOnlyProperty();
    }

    /** What keeps the file or the environment from loading, naming file, line and field; empty when fine. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Things worth knowing that block nothing: warnings of the file, an empty environment. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** The environment's description from the file, or empty. */
    public String description() {
        return description;
    }

    /** The environment file in use, or {@code null}. */
    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    /** Whether the environment (by name) is marked {@code production: true}. */
    public boolean isProduction(String environment) {
        return sources.isProduction(environment);
    }
}
