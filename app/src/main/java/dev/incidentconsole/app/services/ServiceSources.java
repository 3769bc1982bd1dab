package dev.incidentconsole.app.services;

import com.fasterxml.jackson.databind.node.MissingNode;
import dev.incidentconsole.app.targets.ServiceTargets;
import dev.incidentconsole.health.ServiceSpec;
import dev.incidentconsole.health.env.Environment;
import dev.incidentconsole.health.env.EnvironmentException;
import dev.incidentconsole.health.env.EnvironmentFile;
import dev.incidentconsole.health.runbook.RunbookServices;
import dev.incidentconsole.runbook.Runbook;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where the services to watch come from, shared by the dashboard and the {@code check} command (no JavaFX):
 * the environments of an environment file, plus one more environment, {@value #PORT_TABLES}, holding the
 * services of the runbooks' port tables on localhost. Without a file, that one is the default, so bundled
 * runbooks give a working dashboard as they are. Immutable.
 */
public final class ServiceSources {
    /** The environment made of the runbooks' port tables. */
    public static final String PORT_TABLES = "port-tables";

    private final EnvironmentFile file;
    private final List<ServiceSpec> portTables;
    private final ServiceTargets targets;

    /**
     * @param file       the loaded environment file, or {@code null} when there is none (or it is broken)
     * @param portTables the services of the runbooks' port tables, see {@link #portTableServices}
     * @param targets    binds each check command's {@code target:} to the environment's targets
     */
    public ServiceSources(EnvironmentFile file, List<ServiceSpec> portTables, ServiceTargets targets) {
        this.file = file;
        this.portTables = List.copyOf(portTables);
        this.targets = targets;
    }

    /**
     * The services the runbooks' port tables name, on localhost, with the components their names mention
     * (so "Redis (Celery broker)" can be filtered by Redis and linked to Redis sections).
     *
     * @param variables what {@code $VARS} in the tables' check commands stand for ({@code LaunchOptions#environment})
     */
    public static List<ServiceSpec> portTableServices(Collection<Runbook> runbooks,
                                                      Function<String, String> variables) {
        return new RunbookServices(variables, "localhost").offer(runbooks);
    }

    public Optional<EnvironmentFile> file() {
        return Optional.ofNullable(file);
    }

    /** The file's environments in file order, then {@value #PORT_TABLES} when the runbooks have any services. */
    public List<String> names() {
        List<String> names = new ArrayList<>(file == null ? List.of() : file.names());
        if (!portTables.isEmpty() || names.isEmpty()) {
            names.add(PORT_TABLES);
        }
        return names;
    }

    /** The file's default environment, else {@value #PORT_TABLES}. */
    public String defaultName() {
        return file != null ? file.defaultName() : PORT_TABLES;
    }

    public boolean isProduction(String name) {
        return file != null && !PORT_TABLES.equals(name) && file.isProduction(name);
    }

    /**
     * The environment, ready to watch: its check commands bound to the targets they name.
     *
     * @throws EnvironmentException for an unknown name or an environment the file cannot provide (unset
     *                              variable, a check's {@code target:} naming no target...), worded for the
     *                              user with file, line and field
     */
    public Environment environment(String name) throws EnvironmentException {
        if (file != null && file.names().contains(name)) {
            return targets.bind(file, file.environment(name));
        }
        if (PORT_TABLES.equals(name)) {
            return new Environment(PORT_TABLES, false, "services from the runbooks' port tables, on localhost",
                    portTables, MissingNode.getInstance(), Map.of());
        }
        throw new EnvironmentException(file == null ? null : file.file(), 0, "", "no environment named \"" + name
                + "\"; choose one of " + String.join(", ", names()));
    }
}
