package dev.incidentconsole.app.gui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.app.gui.util.DirectTaskExecutor;
import dev.incidentconsole.app.services.ServiceSources;
import dev.incidentconsole.app.services.ServiceTestRunbooks;
import dev.incidentconsole.exec.SshTarget;
import dev.incidentconsole.app.settings.LaunchOptions;
import dev.incidentconsole.app.targets.EnvironmentTargets;
import dev.incidentconsole.health.env.EnvironmentLoader;
import dev.incidentconsole.health.schedule.HealthScheduler;
import dev.incidentconsole.health.spec.CommandSpec;
import dev.incidentconsole.runbook.RunbookParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which environments the dashboard offers and watches, from real files and runbooks. */
class EnvironmentStateTest {
    @TempDir
    Path dir;

    private DashboardViewModel model;

    @AfterEach
    void stop() {
        model.close();
    }

    @Test
    void badFileNamesFileLineAndFieldAndThePortTablesStillWork() throws IOException {
        Files.writeString(dir.resolve("cache.md"), ServiceTestRunbooks.CACHE_RUNBOOK);
        Path file = env("""
                services:
                  - name: api
                    port: 80a
                """);
        open(file, null);
        model.setRunbooks(List.of(new RunbookParser().parse(dir.resolve("cache.md"))));

        assertThat(model.environment().errorProperty().get())
                .startsWith("environments.yaml line 3: services[0].port: \"80a\" is not a port number");
        assertThat(model.environment().names()).containsExactly(ServiceSources.PORT_TABLES);
        assertThat(model.environment().nameProperty().get()).isEqualTo(ServiceSources.PORT_TABLES);
        assertThat(names()).containsExactly("Cache");
    }

    @Test
    void theLoadedFilesSecretValuesAreKnownSoHealthEntriesCanMaskThem() throws IOException {
        Path secrets = Files.writeString(dir.resolve("team.env"), "HOOK_TOKEN=hk-7Qx93LmZpa\n");
        Files.setPosixFilePermissions(secrets, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        open(env("""
                secrets: team.env
                services: [{name: hooks, http: {url: "http://127.0.0.1:1/hooks/${HOOK_TOKEN}"}, interval: 365d}]
                """), null);

        assertThat(model.environment().secretValues()).containsExactly("hk-7Qx93LmZpa");
    }

    @Test
    void runbooksLoadedAfterTheFileAddPortTablesWithoutReplacingTheFileEnvironments() throws IOException {
        Files.writeString(dir.resolve("cache.md"), ServiceTestRunbooks.CACHE_RUNBOOK);
        open(env("services: [{name: api, host: 127.0.0.1, port: 1, interval: 365d}]\n"), null);
        List<String> removed = new ArrayList<>();
        model.environment().names().addListener((javafx.collections.ListChangeListener<String>) c -> {
            while (c.next()) {
                removed.addAll(c.getRemoved());
            }
        });

        model.setRunbooks(List.of(new RunbookParser().parse(dir.resolve("cache.md"))));

        // A combo box showing the names loses its value when the chosen one is removed, even to be added back.
        assertThat(model.environment().names()).containsExactly("environments", ServiceSources.PORT_TABLES);
        assertThat(removed).isEmpty();
        assertThat(model.environment().nameProperty().get()).isEqualTo("environments");
        assertThat(names()).containsExactly("api");
    }

    @Test
    void switchingToProductionMarksItAndWatchesItsServices() throws IOException {
        open(env("""
                default: local
                defaults: {interval: 365d}
                environments:
                  local:
                    services: [{name: api, host: 127.0.0.1, port: 8000}]
                  production:
                    production: true
                    services: [{name: api, host: api.prod.internal, port: 443}, {name: db, host: db.prod.internal, port: 5432}]
                """), null);
        assertThat(model.environment().names()).containsExactly("local", "production");
        assertThat(model.environment().productionProperty().get()).isFalse();

        model.environment().nameProperty().set("production");

        assertThat(model.environment().productionProperty().get()).isTrue();
        assertThat(model.rows()).extracting(r -> r.spec().address()).containsExactly("api.prod.internal:443", "db.prod.internal:5432");
    }

    @Test
    void preferredEnvironmentIsSelectedWhenTheFileHasIt() throws IOException {
        open(env("""
                environments:
                  local: {services: [{name: a, port: 1, interval: 365d}]}
                  staging: {services: [{name: b, port: 2, interval: 365d}]}
                """), "staging");
        assertThat(model.environment().nameProperty().get()).isEqualTo("staging");
        assertThat(names()).containsExactly("b");
    }

    @Test
    void commandCheckIsBoundToTheTargetItNamesAndAnUnknownTargetIsTheEnvironmentsError() throws IOException {
        open(env("""
                default: prod
                defaults: {interval: 365d}
                environments:
                  prod:
                    targets: [{name: db-1, type: ssh, host: db-1.internal, user: postgres}]
                    services: [{name: db, command: {run: pg_isready, target: db-1}}]
                  typo:
                    targets: [{name: db-1, type: ssh, host: db-1.internal}]
                    services: [{name: db, command: {run: pg_isready, target: db-2}}]
                """), null);

        CommandSpec bound = (CommandSpec) model.rows().get(0).spec().probe();
        assertThat(bound.runsOn()).isInstanceOfSatisfying(SshTarget.class, t -> {
            assertThat(t.name()).isEqualTo("db-1");
            assertThat(t.host().host()).isEqualTo("db-1.internal");
            assertThat(t.host().user()).isEqualTo("postgres");
        });
        assertThat(model.environment().errorProperty().get()).isEmpty();

        model.environment().nameProperty().set("typo");

        assertThat(model.environment().errorProperty().get()).isEqualTo("environments.yaml line 9: "
                + "environments.typo.services[0].command.target: no target named \"db-2\"; the environment's targets are db-1");
        assertThat(model.rows()).isEmpty();
    }

    @Test
    void aWorkspaceWithoutAnEnvironmentFileShowsItsPortTablesNotTheSettingsFoldersFile() throws IOException {
        Path team = Files.createDirectories(dir.resolve("team"));
        Files.writeString(team.resolve("cache.md"), ServiceTestRunbooks.CACHE_RUNBOOK);
        Path settings = Files.createDirectories(dir.resolve("config"));
        Files.writeString(settings.resolve("environments.yaml"), "services: [{name: old-stack-api, port: 1, interval: 365d}]\n");
        LaunchOptions options = LaunchOptions.of(Map.of(LaunchOptions.CONFIG_DIR, settings.toString()), Map.of());

        // What DashboardFeature.useWorkspace does when the window switches to the folder.
        open(EnvironmentTargets.defaultFile(team, options), null);
        model.setRunbooks(List.of(new RunbookParser().parse(team.resolve("cache.md"))));

        assertThat(model.environment().names()).containsExactly(ServiceSources.PORT_TABLES);
        assertThat(names()).containsExactly("Cache");
    }

    @Test
    void portTableChecksReadTheirVariablesFromTheEnvironmentTheAppPassesIn() throws IOException {
        Path runbook = Files.writeString(dir.resolve("api.md"), """
                # API

                | Service | Port | Health Check |
                |---------|------|--------------|
                | API | 8000 | `curl -fsS http://$API_HOST:8000/healthz` |
                """);
        model = new DashboardViewModel(new DirectTaskExecutor(), HealthScheduler.builder().build(),
                new EnvironmentLoader(Map.of("API_HOST", "api.internal")::get), dev.incidentconsole.exec.testing.TestUser.current());
        model.openEnvironmentFile(null, null);
        model.setRunbooks(List.of(new RunbookParser().parse(runbook)));

        assertThat(model.rows()).extracting(r -> r.spec().probe().describe())
                .containsExactly("GET http://api.internal:8000/healthz");
        assertThat(ServiceSources.portTableServices(List.of(new RunbookParser().parse(runbook)), name -> null))
                .extracting(s -> s.probe().describe()).containsExactly("$ curl -fsS http://$API_HOST:8000/healthz");
    }

    private void open(Path envFile, String preferred) {
        model = new DashboardViewModel(new DirectTaskExecutor(), HealthScheduler.builder().build(),
                new EnvironmentLoader(Map.<String, String>of()::get), dev.incidentconsole.exec.testing.TestUser.current());
        model.openEnvironmentFile(envFile, preferred);
    }

    private Path env(String yaml) throws IOException {
        return Files.writeString(dir.resolve("environments.yaml"), yaml);
    }

    private List<String> names() {
        return model.rows().stream().map(ServiceRow::name).toList();
    }
}
