package dev.incidentconsole.app.targets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.exec.ExecException;
import dev.incidentconsole.runbook.Runner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Discovery order, name clashes, production guesses and the target suggested for a runner. */
class TargetCatalogTest {
    @TempDir
    Path dir;

    private TargetCatalog discover(TargetDiscovery.KubeContextLister kube) throws Exception {
        Path env = Files.writeString(dir.resolve("environments.yaml"), """
                targets:
                  - {name: shop, type: kubectl, context: eu, namespace: shop}
                  - {name: compose, type: docker}
                """);
        Path ssh = Files.writeString(dir.resolve("ssh_config"), """
                Host bastion prod-db *.internal
                  User oncall
                Host shop
                  HostName shop.example.com
                """);
        return new TargetDiscovery(env, ssh, dev.incidentconsole.exec.testing.TestUser.current(), null, Map.<String, String>of()::get, kube).discover();
    }

    @Test
    void localFirstThenTheFileThenSshHostsThenContexts() throws Exception {
        TargetCatalog catalog = discover(config -> List.of("minikube", "shop"));

        assertThat(catalog.targets()).extracting(TargetInfo::name).containsExactly(
                "local", "shop", "compose", "bastion", "prod-db", "ssh:shop", "minikube", "kube:shop");
        assertThat(catalog.find("prod-db")).get().extracting(TargetInfo::production).isEqualTo(true);
        assertThat(catalog.find("BASTION")).get().extracting(TargetInfo::production).isEqualTo(false);
        assertThat(catalog.notes()).isEmpty();
    }

    @Test
    void missingKubectlIsANote() throws Exception {
        TargetCatalog catalog = discover(config -> {
            throw new ExecException(ExecException.Reason.TOOL_MISSING, "kubectl was not found");
        });

        assertThat(catalog.notes()).containsExactly("kubectl is not installed: no kube contexts listed.");
        assertThat(catalog.kinds()).containsExactly("local", "kubectl", "docker", "ssh");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"KUBECTL, shop", "HELM, shop", "DOCKER, compose", "DOCKER_COMPOSE, compose", "PSQL, local",
            "SHELL, local"})
    void suggestsTheEnvironmentTargetForTheRunner(Runner runner, String expected) throws Exception {
        assertThat(discover(config -> List.of("minikube")).suggest(runner).name()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"prod, true", "eu-prod, true", "prod.db, true", "production-eu, true", "db_prd_1, true",
            "preprod, false", "product-catalog, false", "staging, false"})
    void discoveredNamesThatSayProductionAreMarked(String name, boolean production) {
        assertThat(Targets.looksLikeProduction(name)).isEqualTo(production);
    }
}
