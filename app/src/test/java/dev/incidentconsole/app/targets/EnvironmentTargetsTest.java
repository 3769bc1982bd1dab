package dev.incidentconsole.app.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.incidentconsole.exec.DockerTarget;
import dev.incidentconsole.exec.KubeTarget;
import dev.incidentconsole.exec.LocalTarget;
import dev.incidentconsole.exec.SshTarget;
import dev.incidentconsole.exec.ssh.SshConfigFile;
import dev.incidentconsole.health.env.EnvironmentException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code targets:} part of environment files, both shapes, with its errors. */
class EnvironmentTargetsTest {
    @TempDir
    Path dir;

    private final List<String> notes = new ArrayList<>();

    private List<TargetInfo> load(String yaml) throws Exception {
        return load(yaml, SshConfigFile.empty(dev.incidentconsole.exec.testing.TestUser.current()));
    }

    private List<TargetInfo> load(String yaml, SshConfigFile ssh) throws Exception {
        Path file = Files.writeString(dir.resolve("environments.yaml"), yaml);
        return new EnvironmentTargets(Map.of("DB_USER", "oncall")::get, ssh).load(file, notes);
    }

    @Test
    void listShapeMapsEveryTypeWithItsFields() throws Exception {
        List<TargetInfo> targets = load("""
                targets:
                  - {name: here, type: local, workdir: scripts, env: {REGION: eu}}
                  - name: db
                    type: ssh
                    host: db-1.internal
                    port: 2222
                    user: ${DB_USER}
                    identity-file: ~/.ssh/oncall
                    proxyJump: bastion
                    workdir: /srv/db
                  - {name: shop, type: kubectl, context: eu, namespace: shop, pod: api-0}
                  - {name: web, type: docker, host: web-1, container: nginx}
                """);

        assertThat(targets).extracting(TargetInfo::name).containsExactly("here", "db", "shop", "web");
        LocalTarget here = (LocalTarget) targets.get(0).target();
        assertThat(here.workingDir()).isEqualTo(dir.resolve("scripts"));
        assertThat(here.environment()).containsEntry("REGION", "eu");
        SshTarget db = (SshTarget) targets.get(1).target();
        assertThat(db.host().display()).isEqualTo("oncall@db-1.internal:2222");
        assertThat(db.host().identityFiles()).containsExactly(Path.of(System.getProperty("user.home"), ".ssh/oncall"));
        assertThat(db.host().proxyJump()).isEqualTo("bastion");
        assertThat(db.workingDir()).isEqualTo("/srv/db");
        KubeTarget shop = (KubeTarget) targets.get(2).target();
        assertThat(List.of(shop.context(), shop.namespace(), shop.pod())).containsExactly("eu", "shop", "api-0");
        DockerTarget web = (DockerTarget) targets.get(3).target();
        assertThat(web.container()).isEqualTo("nginx");
        assertThat(((SshTarget) web.host()).host().host()).isEqualTo("web-1");
        assertThat(targets).noneMatch(TargetInfo::production);
    }

    @Test
    void mapShapeByTypeIsReadToo() throws Exception {
        List<TargetInfo> targets = load("""
                environments:
                  production:
                    production: true
                    targets:
                      ssh: [{host: bastion.prod.example.com, user: oncall}]
                      kube: {context: prod, namespace: lantern}
                """);

        assertThat(targets).extracting(TargetInfo::name, TargetInfo::kind, TargetInfo::production).containsExactly(
                org.assertj.core.groups.Tuple.tuple("bastion.prod.example.com", "ssh", true),
                org.assertj.core.groups.Tuple.tuple("prod/lantern", "kubectl", true));
    }

    @Test
    void sharedTargetsAreProductionWhenAProductionEnvironmentUsesThemUnlessTheySayOtherwise() throws Exception {
        List<TargetInfo> targets = load("""
                targets:
                  - {name: jump, type: ssh, host: jump-1}
                  - {name: laptop, type: local, production: false}
                environments:
                  staging: {}
                  production: {production: true}
                """);

        assertThat(targets).extracting(TargetInfo::name, TargetInfo::production).containsExactly(
                org.assertj.core.groups.Tuple.tuple("jump", true), org.assertj.core.groups.Tuple.tuple("laptop", false));
    }

    @Test
    void sshHostThatIsAnAliasOfTheSshConfigTakesItsSettings() throws Exception {
        Path config = Files.writeString(dir.resolve("ssh_config"), """
                Host db
                  HostName db-1.internal
                  User postgres
                  Port 2200
                """);

        List<TargetInfo> targets = load("targets: [{name: database, type: ssh, host: db, port: 22}]",
                SshConfigFile.load(config, dev.incidentconsole.exec.testing.TestUser.current()));

        assertThat(((SshTarget) targets.get(0).target()).host().display()).isEqualTo("postgres@db-1.internal");
    }

    @ParameterizedTest(name = "{0} => {1}")
    @CsvSource(delimiterString = " => ", value = {
        "{name: a, type: ssh, host: tight} => true",
        "{name: a, type: ssh, host: tight, identities-only: false} => false",
        "{name: a, type: ssh, host: loose, identitiesOnly: true} => true",
        "{name: a, type: ssh, host: loose} => false",
    })
    void identitiesOnlyComesFromTheTargetElseTheSshConfig(String target, boolean only) throws Exception {
        Path config = Files.writeString(dir.resolve("ssh_config"), """
                Host tight
                  IdentitiesOnly yes
                """);

        List<TargetInfo> targets = load("targets: [" + target + "]", SshConfigFile.load(config, dev.incidentconsole.exec.testing.TestUser.current()));

        assertThat(((SshTarget) targets.get(0).target()).host().identitiesOnly()).isEqualTo(only);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", value = {
        "[{name: a, type: ftp}] => targets[0].type: \"ftp\" is not a target type",
        "[{name: a, type: ssh}] => targets[0].host: is missing",
        "[{name: a, type: ssh, host: h, port: 70000}] => targets[0].port: \"70000\" is not a port number",
        "[{name: a, type: ssh, host: h, hostname: x}] => targets[0].hostname: is not a key of a ssh target",
        "[{name: a, type: kubectl, workdir: /x}] => targets[0].workdir: is not a key of a kubectl target",
        "[{name: a, type: ssh, host: \"${NOPE}\"}] => targets[0].host: ${NOPE} is not set",
        "[{name: a, type: local, production: yes-please}] => targets[0].production: must be true or false",
        "just-a-word => targets: must be a list of targets",
    })
    void malformedTargetsNameTheField(String targets, String message) {
        assertThatThrownBy(() -> load("targets: " + targets + "\n"))
                .isInstanceOf(EnvironmentException.class)
                .hasMessageStartingWith("environments.yaml")
                .hasMessageContaining(message);
    }

    @Test
    void aNameDefinedTwiceKeepsTheFirstWithANote() throws Exception {
        List<TargetInfo> targets = load("""
                environments:
                  a: {targets: [{name: db, type: ssh, host: db-a}]}
                  b: {targets: [{name: db, type: ssh, host: db-b}]}
                """);

        assertThat(targets).singleElement().extracting(TargetInfo::where).isEqualTo(
                System.getProperty("user.name") + "@db-a");
        assertThat(notes).singleElement().asString().contains("\"db\" is defined twice");
    }

    @Test
    void aBlankUserIsTheSshConfigsLoginNotAnError() throws Exception {
        List<TargetInfo> targets = load("""
                targets:
                  - {name: db, type: ssh, host: db-a, user: ""}
                """);

        assertThat(targets).singleElement().extracting(TargetInfo::where).isEqualTo(
                System.getProperty("user.name") + "@db-a");
    }
}
