package dev.incidentconsole.app.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.incidentconsole.exec.LocalTarget;
import dev.incidentconsole.exec.SshTarget;
import dev.incidentconsole.exec.ssh.SshConfigFile;
import dev.incidentconsole.health.ServiceSpec;
import dev.incidentconsole.health.env.Environment;
import dev.incidentconsole.health.env.EnvironmentException;
import dev.incidentconsole.health.env.EnvironmentFile;
import dev.incidentconsole.health.env.EnvironmentLoader;
import dev.incidentconsole.health.spec.CommandSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A command check's {@code target:} bound to the environment's targets, from real environment files. */
class ServiceTargetsTest {
    @TempDir
    Path dir;

    private final ServiceTargets targets = new ServiceTargets(() -> SshConfigFile.empty(dev.incidentconsole.exec.testing.TestUser.current()), Map.<String, String>of()::get);

    private Environment bind(String yaml, String environment) throws Exception {
        EnvironmentFile file = new EnvironmentLoader(Map.<String, String>of()::get)
                .load(Files.writeString(dir.resolve("env.yaml"), yaml));
        return targets.bind(file, file.environment(environment));
    }

    private static CommandSpec command(ServiceSpec service) {
        return (CommandSpec) service.probe();
    }

    @Test
    void documentedExampleRunsItsQueueCheckOnTheBastion() throws Exception {
        Path project = Path.of(System.getProperty("incident.project.dir", ".."));
        Path copy = Files.copy(project.resolve("modules/health/environments.example.yaml"),
                dir.resolve("environments.yaml"));
        Path secrets = Files.writeString(dir.resolve("secrets.yaml"), "PROD_DB_PASSWORD: db-pw\n");
        Files.setPosixFilePermissions(secrets, PosixFilePermissions.fromString("rw-------"));
        EnvironmentFile file = new EnvironmentLoader(Map.of("PGPASSWORD", "pg", "PROD_API_KEY", "k",
                "PROD_QUEUE_PASSWORD", "q")::get).load(copy);

        Environment prod = targets.bind(file, file.environment("production"));

        ServiceSpec queue = prod.services().stream().filter(s -> s.name().equals("Queue depth")).findFirst().orElseThrow();
        assertThat(command(queue).runsOn()).isInstanceOfSatisfying(SshTarget.class, t -> {
            assertThat(t.host().display()).isEqualTo("oncall@bastion.prod.example.com");
            assertThat(t.production()).as("a production environment's targets are production").isTrue();
        });
        assertThat(prod.services()).filteredOn(s -> s != queue).allSatisfy(s -> assertThat(s.probe())
                .as("other services are left as they are").isEqualTo(file.environment("production").services()
                        .get(prod.services().indexOf(s)).probe()));
    }

    @Test
    void singleEnvironmentFileNamesTheFieldWithoutAnEnvironmentAndLocalNeedsNoDefinition() throws Exception {
        Environment env = bind("""
                targets: [{name: db-1, type: ssh, host: db-1.internal}]
                services:
                  - {name: here, command: {run: 'true', target: local}}
                  - {name: db, command: {run: pg_isready, target: DB-1}}
                """, "env");
        assertThat(command(env.services().get(0)).runsOn()).isEqualTo(LocalTarget.here());
        assertThat(command(env.services().get(1)).runsOn()).as("names match ignoring case, as --target does")
                .isInstanceOf(SshTarget.class);

        assertThatThrownBy(() -> bind("""
                services:
                  - {name: db, command: {run: pg_isready, target: db-1}}
                """, "env"))
                .isInstanceOf(EnvironmentException.class)
                .hasMessage("env.yaml line 2: services[0].command.target: no target named \"db-1\"; define it under targets:");
    }

    @Test
    void environmentWhoseChecksNameNoTargetDoesNotReadItsTargets() throws Exception {
        Environment env = bind("""
                targets: [{name: broken, type: teleport}]
                services: [{name: api, command: 'true'}]
                """, "env");
        assertThat(command(env.services().get(0)).runsOn()).isNull();
    }
}
