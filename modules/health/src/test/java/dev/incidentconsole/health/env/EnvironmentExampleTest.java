package dev.incidentconsole.health.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.incidentconsole.health.ServiceSpec;
import dev.incidentconsole.health.spec.CommandSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The documented example file loads, so the schema it shows stays true. */
class EnvironmentExampleTest {

    @Test
    void exampleEnvironmentFileLoads(@TempDir Path dir) throws Exception {
        String project = System.getProperty("incident.project.dir");
        assumeThat(project).as("incident.project.dir is not set").isNotNull();
        Path example = Path.of(project, "modules/health/environments.example.yaml");
        Path copy = Files.copy(example, dir.resolve("environments.yaml"));
        Path secrets = Files.writeString(dir.resolve("secrets.yaml"), "PROD_DB_PASSWORD: db-pw\n");
        Files.setPosixFilePermissions(secrets, PosixFilePermissions.fromString("rw-------"));
        Map<String, String> env = Map.of("PGPASSWORD", "pg", "PROD_API_KEY", "k", "PROD_QUEUE_PASSWORD", "q");

        EnvironmentFile f = new EnvironmentLoader(env::get).load(copy);

        assertThat(f.names()).containsExactly("local", "production");
        assertThat(f.problems("local")).isEmpty();
        assertThat(f.problems("production")).isEmpty();
        assertThat(f.environment("local").services()).extracting(s -> s.probe().kind()).containsExactly(
                "http", "http", "redis", "postgres", "command", "websocket", "alertmanager", "tcp");
        Environment prod = f.environment("production");
        assertThat(prod.production()).isTrue();
        assertThat(prod.targets().path("kube").path("context").asText()).isEqualTo("prod");
        ServiceSpec queue = prod.services().get(2);
        assertThat(((CommandSpec) queue.probe()).env().get("QUEUE_PASSWORD").reveal()).isEqualTo("q");
        assertThat(((CommandSpec) queue.probe()).command()).contains("\"$QUEUE_PASSWORD\"");
        assertThat(((CommandSpec) queue.probe()).target()).isEqualTo("bastion");
    }
}
