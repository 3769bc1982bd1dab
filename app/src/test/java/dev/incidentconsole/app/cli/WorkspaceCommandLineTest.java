package dev.incidentconsole.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.incidentconsole.app.gui.dashboard.Loopback;
import dev.incidentconsole.app.settings.LaunchOptions;
import dev.incidentconsole.app.settings.SettingsStore;
import dev.incidentconsole.app.settings.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which folder the command line reads when {@code --runbooks} names none: $INCIDENT_WORKSPACE (here its stand-in
 * property), else the window's workspace from the settings, else the bundled demo; named on stderr.
 */
class WorkspaceCommandLineTest {
    @TempDir
    Path dir;
    private final CliRun cli = new CliRun();
    private Path demo;
    private Path team;
    private Path other;

    @BeforeEach
    void folders() throws IOException {
        cli.isolate(dir);
        demo = Files.createDirectories(dir.resolve("home/runbooks"));
        Files.writeString(demo.resolve("demo.md"), "# Demo\n\n## Lantern Ingest Stalled\n\nRestart the lantern ingest.\n");
        cli.set("incident.home", dir.resolve("home").toString());
        team = Files.createDirectories(dir.resolve("team"));
        Files.writeString(team.resolve("team.md"), "# Team\n\n## Zookeeper Quorum Lost\n\nRestart the zookeeper ensemble.\n");
        other = Files.createDirectories(dir.resolve("other"));
        Files.writeString(other.resolve("other.md"), "# Other\n\n## Kafka Lag Growing\n\nAdd kafka consumers.\n");
    }

    @AfterEach
    void restore() {
        cli.restore();
    }

    private void windowChose(Path folder) throws IOException {
        new SettingsStore(dir.resolve("config").resolve(SettingsStore.FILE_NAME)).update(s -> s.withWorkspace(folder));
    }

    @Test
    void withNoChoiceTheBundledDemoIsSearchedAndNamed() {
        assertThat(cli.run("search", "lantern", "ingest")).isZero();

        assertThat(cli.out()).contains("Lantern Ingest Stalled");
        assertThat(cli.err()).contains("Runbooks: " + demo + " (bundled demo)");
    }

    @Test
    void theWindowsWorkspaceIsUsedWhenNothingElseNamesOne() throws IOException {
        windowChose(team);

        assertThat(cli.run("search", "zookeeper", "quorum")).isZero();

        assertThat(cli.out()).contains("Zookeeper Quorum Lost").doesNotContain("Lantern");
        assertThat(cli.err()).contains("Runbooks: " + team + " (the window's workspace");
    }

    @Test
    void theVariableWinsOverTheWindowsChoice() throws IOException {
        windowChose(team);
        cli.set(LaunchOptions.WORKSPACE, other.toString());

        assertThat(cli.run("search", "kafka", "lag")).isZero();

        assertThat(cli.out()).contains("Kafka Lag Growing");
        assertThat(cli.err()).contains("Runbooks: " + other + " ($INCIDENT_WORKSPACE)");
    }

    @Test
    void runbooksNamedOnTheCommandLineWinAndNeedNoNote() throws IOException {
        windowChose(team);
        cli.set(LaunchOptions.WORKSPACE, other.toString());

        assertThat(cli.run("search", "--runbooks", demo.toString(), "lantern")).isZero();

        assertThat(cli.out()).contains("Lantern Ingest Stalled");
        assertThat(cli.err()).doesNotContain("Runbooks:");
    }

    @Test
    void checkReadsTheEnvironmentFileOfTheWindowsWorkspace() throws IOException {
        HttpServer api = Loopback.healthy();
        try {
            Files.writeString(team.resolve("environments.yaml"), """
                    defaults: {host: 127.0.0.1, timeout: 2s}
                    services:
                      - {name: zk-admin, port: %d, http: /health}
                    """.formatted(Loopback.port(api)));
            windowChose(team);

            assertThat(cli.run("check", "--json")).isZero();

            assertThat(cli.out()).contains("\"service\" : \"zk-admin\"").contains("\"status\" : \"up\"");
            assertThat(cli.err()).contains("Runbooks: " + team);
        } finally {
            api.stop(0);
        }
    }

    @Test
    void aWorkspaceWithoutItsOwnFileChecksItsPortTablesNotTheSettingsFoldersFile() throws IOException {
        HttpServer api = Loopback.healthy();
        try {
            Files.writeString(team.resolve("zk.md"), """
                    # Zookeeper

                    | Service | Port | Health Check |
                    |---------|------|--------------|
                    | zk-admin | %d | `curl -s http://localhost:%d/health` |
                    """.formatted(Loopback.port(api), Loopback.port(api)));
            staleSettingsFile();
            windowChose(team);

            assertThat(cli.run("check", "--json")).isZero();

            assertThat(cli.out()).contains("\"service\" : \"zk-admin\"").contains("\"status\" : \"up\"")
                    .doesNotContain("old-stack-api");
        } finally {
            api.stop(0);
        }
    }

    @Test
    void theBundledDemoWithoutItsOwnFileStillReadsTheSettingsFoldersFile() throws IOException {
        staleSettingsFile();

        cli.run("check", "--json");

        assertThat(cli.out()).contains("\"service\" : \"old-stack-api\"");
        assertThat(cli.err()).contains("Runbooks: " + demo + " (bundled demo)");
    }

    /** An environment file written for another stack, left in the settings folder. */
    private void staleSettingsFile() throws IOException {
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("config/environments.yaml"), """
                defaults: {host: 127.0.0.1, timeout: 1s}
                services:
                  - {name: old-stack-api, port: %d}
                """.formatted(Loopback.closedPort()));
    }

    @Test
    void aWindowsWorkspaceDeletedSinceFallsBackToTheDemo() throws IOException {
        windowChose(other);
        Files.delete(other.resolve("other.md"));
        Files.delete(other);

        assertThat(cli.run("search", "lantern")).isZero();

        assertThat(cli.err()).contains("Runbooks: " + demo + " (bundled demo)");
    }

    @Test
    void targetsListsTheWorkspacesTargetsAndNamesTheWorkspace() throws IOException {
        Files.writeString(team.resolve("environments.yaml"), """
                environments:
                  staging:
                    targets:
                      - {name: zk-box, type: ssh, host: zk1.example.com, user: ops}
                """);
        windowChose(team);

        assertThat(cli.run("targets")).isZero();

        assertThat(cli.out()).contains("zk-box").contains("zk1.example.com");
        assertThat(cli.err()).contains("Runbooks: " + team + " (the window's workspace");
    }

    @Test
    void aVariableNamingNoFolderIsAUsageErrorSayingWhereItCameFrom() {
        cli.set(LaunchOptions.WORKSPACE, dir.resolve("nope").toString());

        assertThat(cli.run("search", "redis")).isEqualTo(2);
        assertThat(cli.run("check", "--once")).isEqualTo(2);

        assertThat(cli.err()).contains("The runbook folder " + dir.resolve("nope") + " ($INCIDENT_WORKSPACE) does not exist")
                .contains("pass --runbooks or set INCIDENT_WORKSPACE").doesNotContain("NoSuchFileException");
    }
}
