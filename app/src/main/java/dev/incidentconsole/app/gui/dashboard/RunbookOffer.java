package dev.incidentconsole.app.gui.dashboard;

import dev.incidentconsole.app.gui.util.LatestWins;
import dev.incidentconsole.app.gui.util.TaskExecutor;
import dev.incidentconsole.app.services.LinkedSection;
import dev.incidentconsole.app.services.RunbookLinks;
import dev.incidentconsole.app.services.ServiceSources;
import dev.incidentconsole.health.ServiceSpec;
import dev.incidentconsole.health.env.EnvironmentLoader;
import dev.incidentconsole.runbook.Runbook;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the loaded runbooks offer the dashboard: their port tables as services, their sections and alerts as link
 * targets. Worked out on the {@link TaskExecutor} (the latest runbooks given win); the UI thread is handed the
 * finished offer. Call on the UI thread.
 */
final class RunbookOffer {
    private static final Logger LOG = LoggerFactory.getLogger(RunbookOffer.class);
    private final LatestWins loads;
    private final EnvironmentLoader loader;
    private Offered offered = new Offered(List.of(), new RunbookLinks(List.of()), List.of());
    private boolean workedOut;

    private record Offered(List<Runbook> runbooks, RunbookLinks links, List<ServiceSpec> portTables) {
    }

    /** @param loader whose variables fill in the port tables' checks */
    RunbookOffer(TaskExecutor executor, EnvironmentLoader loader) {
        this.loads = executor.latestWins();
        this.loader = loader;
    }

    /**
     * Works out what {@code loaded} offers, then runs {@code workedOut}, unless newer runbooks were given meanwhile;
     * if that fails, the runbooks offer nothing and {@code workedOut} runs all the same.
     */
    void offer(List<Runbook> loaded, Runnable workedOut) {
        List<Runbook> given = List.copyOf(loaded);
        this.workedOut = false; // another workspace's runbooks: their links are not known yet
        loads.submit(() -> new Offered(given, new RunbookLinks(given),
                ServiceSources.portTableServices(given, loader.variables())), now -> {
                    offered = now;
                    this.workedOut = true;
                    workedOut.run();
                }, e -> {
                    LOG.warn("Cannot read the services and links of the runbooks", e);
                    offered = new Offered(List.of(), new RunbookLinks(List.of()), List.of());
                    this.workedOut = true;
                    workedOut.run();
                });
    }

    /** Whether the runbooks last given were worked out: before, an alert without a link may only lack them. */
    boolean workedOut() {
        return workedOut;
    }

    /** The runbooks the links point into. */
    List<Runbook> runbooks() {
        return offered.runbooks();
    }

    RunbookLinks links() {
        return offered.links();
    }

    /** The services the runbooks' port tables describe. */
    List<ServiceSpec> portTables() {
        return offered.portTables();
    }

    /** The sections that fit {@code row}'s service while {@code alerts} fire, best first. */
    List<LinkedSection> forService(ServiceRow row, FiringAlerts alerts) {
        return offered.links().forService(row.spec(), alerts.list().stream().map(AlertRow::alert).toList());
    }
}
