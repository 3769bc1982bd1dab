package dev.incidentconsole.app.gui.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.app.gui.util.DirectTaskExecutor;
import dev.incidentconsole.app.settings.LaunchOptions;
import dev.incidentconsole.app.targets.TargetCatalog;
import dev.incidentconsole.app.targets.TargetInfo;
import dev.incidentconsole.exec.CommandRunner;
import dev.incidentconsole.exec.ExecSettings;
import dev.incidentconsole.exec.LocalTarget;
import dev.incidentconsole.exec.testing.TestUser;
import dev.incidentconsole.runbook.Command;
import dev.incidentconsole.runbook.DangerRules;
import dev.incidentconsole.runbook.Placeholders;
import dev.incidentconsole.runbook.Runner;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which placeholder values are secrets, so their fields hide what is typed as the command on screen does. */
class SecretPlaceholderTest {
    @TempDir
    Path dir;

    private CommandRunner runner;
    private RunServices services;

    @BeforeEach
    void services() {
        runner = CommandRunner.withoutSshPrompts(ExecSettings.defaults(TestUser.current()).withOutputDir(dir.resolve("runs")));
        services = new RunServices(runner, new DirectTaskExecutor(), new UiQueue(), new RunTestDialogs(),
                TerminalLauncher.system(LaunchOptions.fromSystem()), new KnownValues());
    }

    @AfterEach
    void close() {
        runner.close();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "PGPASSWORD='<pg-password>' psql -h 127.0.0.1 -p 6432 -U <user> shop | pg-password | true",
            "PGPASSWORD='<pg-password>' psql -h 127.0.0.1 -p 6432 -U <user> shop | user        | false",
            "redis-cli -p 6379 -a '<auth>' ping                                  | auth        | true",
            "redis-cli -p 6379 -a <redis-password> ping                          | redis-password | true",
            "curl -H 'Authorization: Bearer <token>' https://api/health          | token       | true",
            "kubectl -n <namespace> logs <pod> -c <container>                    | pod         | false",
            "psql -h <host> -p <port> -c 'select 1'                              | port        | false",
    })
    void aValueInASecretsPlaceOrNamedAsOneIsSecret(String command, String name, boolean secret) {
        Command c = new Command(command, 1, "", "", Placeholders.find(command), Runner.SHELL, DangerRules.check(command));
        TargetInfo local = new TargetInfo(new LocalTarget("sandbox", dir, Map.of(), false), "local", "this machine", "test");
        CommandRunViewModel model = new CommandRunViewModel(c, new TargetCatalog(List.of(local), List.of(), null), services);

        assertThat(model.placeholders()).filteredOn(f -> f.name().equals(name)).singleElement()
                .extracting(PlaceholderField::secret).isEqualTo(secret);
    }
}
