package dev.incidentconsole.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every launch property and variable the app reads, read once into typed values. */
class LaunchOptionsTest {
    private static final Map<String, String> LINUX = Map.of("os.name", "Linux", "user.home", "/home/alice",
            "user.name", "alice");

    @TempDir
    Path dir;

    private static LaunchOptions linux(Map<String, String> properties, Map<String, String> env) {
        Map<String, String> all = new HashMap<>(LINUX);
        all.putAll(properties);
        return LaunchOptions.of(all, env);
    }

    @Test
    void execRunsCommandsAsTheLaunchsUserWithItsVariablesAndTemporaryFolder() {
        LaunchOptions options = linux(Map.of("java.io.tmpdir", "/var/tmp"), Map.of("PATH", "/opt/bin:/usr/bin",
                "KUBECONFIG", "/home/alice/.kube/prod"));

        dev.incidentconsole.exec.LocalUser user = options.localUser();

        assertThat(user.home()).isEqualTo(Path.of("/home/alice"));
        assertThat(user.name()).isEqualTo("alice");
        assertThat(user.path()).isEqualTo("/opt/bin:/usr/bin");
        assertThat(user.variable("KUBECONFIG")).isEqualTo("/home/alice/.kube/prod");
        assertThat(dev.incidentconsole.exec.ExecSettings.defaults(user).outputDir())
                .isEqualTo(Path.of("/var/tmp/incident-console-alice/runs"));
    }

    static Stream<Arguments> properties() {
        return Stream.of(
                Arguments.of("incident.runbooks", "/srv/runbooks", (Function<LaunchOptions, Object>) LaunchOptions::runbooks, Path.of("/srv/runbooks")),
                Arguments.of("incident.select", "db.md#Restart", (Function<LaunchOptions, Object>) LaunchOptions::select, "db.md#Restart"),
                Arguments.of("incident.theme", "dark", (Function<LaunchOptions, Object>) LaunchOptions::theme, "dark"),
                Arguments.of("incident.query", "too many connections", (Function<LaunchOptions, Object>) LaunchOptions::query, "too many connections"),
                Arguments.of("incident.incident", "42", (Function<LaunchOptions, Object>) LaunchOptions::incident, "42"),
                Arguments.of("incident.service", "PgBouncer", (Function<LaunchOptions, Object>) LaunchOptions::service, "PgBouncer"),
                Arguments.of("incident.environment", "staging", (Function<LaunchOptions, Object>) LaunchOptions::environmentName, "staging"),
                Arguments.of("incident.run", "uptime", (Function<LaunchOptions, Object>) LaunchOptions::run, "uptime"),
                Arguments.of("incident.store.url", "jdbc:postgresql://db/incidents", (Function<LaunchOptions, Object>) LaunchOptions::storeUrl, "jdbc:postgresql://db/incidents"),
                Arguments.of("incident.env", "/etc/ic/environments.yaml", (Function<LaunchOptions, Object>) LaunchOptions::envFile, Path.of("/etc/ic/environments.yaml")),
                Arguments.of("incident.workspace", "/srv/team", (Function<LaunchOptions, Object>) LaunchOptions::workspace, "/srv/team"),
                Arguments.of("incident.ssh.config", "/etc/ic/ssh_config", (Function<LaunchOptions, Object>) LaunchOptions::sshConfig, Path.of("/etc/ic/ssh_config")),
                Arguments.of("incident.config.dir", "/tmp/ic-config", (Function<LaunchOptions, Object>) LaunchOptions::configDir, Path.of("/tmp/ic-config")),
                Arguments.of("incident.data.dir", "/tmp/ic-data", (Function<LaunchOptions, Object>) LaunchOptions::dataDir, Path.of("/tmp/ic-data")),
                Arguments.of("incident.home", "/opt/ic", (Function<LaunchOptions, Object>) LaunchOptions::bundledRunbooks, Path.of("/opt/ic/runbooks")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("properties")
    void eachPropertyIsReadIntoItsTypedValue(String property, String value, Function<LaunchOptions, Object> read,
                                             Object expected) {
        assertThat(read.apply(linux(Map.of(property, value), Map.of()))).isEqualTo(expected);
    }

    @Test
    void unsetPropertiesMeanNothingChosen() {
        LaunchOptions none = linux(Map.of("incident.select", " "), Map.of());
        assertThat(none.runbooks()).isNull();
        assertThat(none.select()).as("blank is unset").isNull();
        assertThat(none.theme()).isEmpty();
        assertThat(none.run()).isEmpty();
        assertThat(none.query()).isNull();
        assertThat(none.incident()).isNull();
        assertThat(none.storeUrl()).isNull();
        assertThat(none.envFile()).isNull();
        assertThat(none.workspace()).isNull();
        assertThat(none.sshConfig()).isEqualTo(dev.incidentconsole.exec.ssh.SshConfigFile.defaultPath(none.accountHome()));
    }

    @Test
    void variablesNameWhatTheirPropertyDoesAndThePropertyWins() {
        Map<String, String> env = Map.of("INCIDENT_ENV", "/env/file.yaml", "INCIDENT_WORKSPACE", "/env/team",
                "INCIDENT_HOME", "/env/home");
        LaunchOptions fromEnv = linux(Map.of(), env);
        assertThat(fromEnv.envFile()).isEqualTo(Path.of("/env/file.yaml"));
        assertThat(fromEnv.workspace()).isEqualTo("/env/team");
        assertThat(fromEnv.bundledRunbooks()).isEqualTo(Path.of("/env/home/runbooks"));

        LaunchOptions both = linux(Map.of("incident.env", "/prop/file.yaml", "incident.workspace", "/prop/team",
                "incident.home", "/prop/home"), env);
        assertThat(both.envFile()).isEqualTo(Path.of("/prop/file.yaml"));
        assertThat(both.workspace()).isEqualTo("/prop/team");
        assertThat(both.bundledRunbooks()).isEqualTo(Path.of("/prop/home/runbooks"));
    }

    @Test
    void foldersFollowXdgElseTheHomeFolderAndTheOsConventions() {
        LaunchOptions plain = linux(Map.of(), Map.of());
        assertThat(plain.configDir()).isEqualTo(Path.of("/home/alice/.config/incident-console"));
        assertThat(plain.dataDir()).isEqualTo(Path.of("/home/alice/.local/share/incident-console"));
        assertThat(plain.settings().file()).isEqualTo(Path.of("/home/alice/.config/incident-console/settings.json"));

        LaunchOptions xdg = linux(Map.of(), Map.of("XDG_CONFIG_HOME", "/xdg/config", "XDG_DATA_HOME", "relative/ignored"));
        assertThat(xdg.configDir()).isEqualTo(Path.of("/xdg/config/incident-console"));
        assertThat(xdg.dataDir()).as("a relative XDG path is ignored, as the spec says")
                .isEqualTo(Path.of("/home/alice/.local/share/incident-console"));

        LaunchOptions mac = LaunchOptions.of(Map.of("os.name", "Mac OS X", "user.home", "/Users/bob"), Map.of());
        assertThat(mac.configDir()).isEqualTo(Path.of("/Users/bob/Library/Application Support/incident-console"));
        assertThat(mac.mac()).isTrue();

        LaunchOptions windows = LaunchOptions.of(Map.of("os.name", "Windows 11", "user.home", "C:/Users/carol"),
                Map.of("APPDATA", "C:/Users/carol/AppData/Roaming"));
        assertThat(windows.configDir()).isEqualTo(Path.of("C:/Users/carol/AppData/Roaming/incident-console"));
        assertThat(windows.dataDir()).as("no LOCALAPPDATA: the home folder")
                .isEqualTo(Path.of("C:/Users/carol/incident-console"));
    }

    @Test
    void theUsersHomeIsHomeWhenItNamesAFolderElseTheJvmsUserHome() throws Exception {
        Path home = Files.createDirectories(dir.resolve("alice"));
        assertThat(linux(Map.of(), Map.of("HOME", home.toString())).userHome()).isEqualTo(home);
        assertThat(linux(Map.of(), Map.of()).userHome()).isEqualTo(Path.of("/home/alice"));
        assertThat(linux(Map.of(), Map.of("HOME", dir.resolve("gone").toString())).userHome())
                .isEqualTo(Path.of("/home/alice"));
        assertThat(linux(Map.of(), Map.of("HOME", "relative/home")).userHome()).isEqualTo(Path.of("/home/alice"));
    }

    @Test
    void theAuthorIsUserElseTheJvmsUserName() {
        assertThat(linux(Map.of(), Map.of("USER", "oncall")).userName()).isEqualTo("oncall");
        assertThat(linux(Map.of(), Map.of("USER", " ")).userName()).isEqualTo("alice");
        assertThat(LaunchOptions.of(Map.of(), Map.of()).userName()).isEqualTo("unknown");
    }

    @Test
    void theSshAgentIsThePropertysSocketElseSshAuthSockAndAnEmptyPropertyMeansNone() {
        Map<String, String> env = Map.of("SSH_AUTH_SOCK", "/run/agent.sock");
        assertThat(linux(Map.of(), env).sshAgent().socket()).isEqualTo(Path.of("/run/agent.sock"));
        assertThat(linux(Map.of("incident.ssh.agent", "/tmp/other.sock"), env).sshAgent().socket())
                .isEqualTo(Path.of("/tmp/other.sock"));
        assertThat(linux(Map.of("incident.ssh.agent", ""), env).sshAgent().socket()).isNull();
        assertThat(linux(Map.of(), Map.of()).sshAgent().socket()).isNull();
    }

    @Test
    void withChangesOneValueAndLeavesTheRest() {
        LaunchOptions base = linux(Map.of("incident.theme", "dark"), Map.of("USER", "oncall"));
        LaunchOptions changed = base.with("incident.runbooks", "/srv/rb").with("incident.theme", null);
        assertThat(changed.runbooks()).isEqualTo(Path.of("/srv/rb"));
        assertThat(changed.theme()).isEmpty();
        assertThat(changed.userName()).isEqualTo("oncall");
        assertThat(base.runbooks()).as("unchanged").isNull();
    }

    @Test
    void fromSystemTakesThisProcesssPropertiesAsTheyAreWhenRead() {
        // The build sets incident.config.dir for every test (app/pom.xml).
        assertThat(LaunchOptions.fromSystem().configDir())
                .isEqualTo(Path.of(System.getProperty("incident.config.dir")));
        assertThat(LaunchOptions.fromSystem().env("PATH")).isEqualTo(System.getenv("PATH"));
    }
}
