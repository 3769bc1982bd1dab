package dev.incidentconsole.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code targets} in-process: the environment file's targets and the contexts of a real kubectl. */
class TargetsCommandTest {
    private static final String KUBECONFIG = """
            apiVersion: v1
            kind: Config
            clusters:
              - name: lab
                cluster: {server: "https://127.0.0.1:6443"}
            users:
              - name: oncall
                user: {token: not-a-real-token}
            contexts:
              - name: ci-cluster
                context: {cluster: lab, user: oncall}
              - name: eu-prod
                context: {cluster: lab, user: oncall, namespace: shop}
            current-context: ci-cluster
            """;

    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();

    @BeforeEach
    void isolateFolders() {
        cli.isolate(dir);
    }

    @AfterEach
    void restore() {
        cli.restore();
    }

    private int run(String... args) {
        return cli.run(args);
    }

    private String line(String name) {
        return cli.out().lines().filter(l -> l.startsWith(name + " ")).findFirst().orElse("");
    }

    @Test
    void listsTheSshHostsOfTheEnvironmentFileWithProductionMarked() throws Exception {
        Path env = Files.writeString(dir.resolve("environments.yaml"), """
                environments:
                  staging:
                    targets:
                      - {name: db-staging, type: ssh, host: db-1.staging.internal, user: oncall, port: 2222}
                  production:
                    production: true
                    targets:
                      - {name: db-primary, type: ssh, host: db-1.prod.internal, user: postgres}
                      - {name: shop, type: kubectl, context: prod-eu, namespace: shop}
                """);

        assertThat(run("targets", "--env", env.toString())).as(cli.err()).isZero();

        assertThat(line("local")).contains("local", "this machine").doesNotContain("PRODUCTION");
        assertThat(line("db-staging")).contains("ssh", "oncall@db-1.staging.internal:2222", "environments.yaml")
                .doesNotContain("PRODUCTION");
        assertThat(line("db-primary")).contains("ssh", "postgres@db-1.prod.internal", "PRODUCTION");
        assertThat(line("shop")).contains("kubectl", "context prod-eu, namespace shop", "PRODUCTION");
    }

    @Test
    void aBrokenEnvironmentFileNamesTheFieldAndStillListsTheRest() throws Exception {
        Path env = Files.writeString(dir.resolve("environments.yaml"), """
                targets:
                  - {name: db, type: ssh, host: db-1, prot: 22}
                """);

        assertThat(run("targets", "--env", env.toString())).isEqualTo(1);

        assertThat(cli.err()).contains("environments.yaml", "targets[0].prot");
        assertThat(line("local")).contains("this machine");
    }

    @Test
    void listsTheContextsOfATemporaryKubeconfig() throws Exception {
        Assumptions.assumeTrue(onPath("kubectl"), "kubectl is not installed: skipping the kube context listing");
        Path kubeconfig = Files.writeString(dir.resolve("kubeconfig"), KUBECONFIG);

        assertThat(run("targets", "--kubeconfig", kubeconfig.toString())).as(cli.err()).isZero();

        assertThat(line("ci-cluster")).contains("kubectl", "context ci-cluster", "kubeconfig")
                .doesNotContain("PRODUCTION");
        assertThat(line("eu-prod")).contains("kubectl", "PRODUCTION");
    }

    private static boolean onPath(String tool) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, tool)));
    }
}
