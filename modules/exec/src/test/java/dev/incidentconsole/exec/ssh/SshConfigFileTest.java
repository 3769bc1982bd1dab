package dev.incidentconsole.exec.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.incidentconsole.exec.ExecException;
import dev.incidentconsole.exec.LocalUser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SshConfigFileTest {
    @TempDir
    Path dir;
    SshConfigFile config;

    @BeforeEach
    void load() throws Exception {
        Path included = dir.resolve("conf.d");
        Files.createDirectories(included);
        Files.writeString(included.resolve("10-db.conf"), """
                Host db-*
                    User postgres
                    ProxyJump bastion
                """);
        Files.writeString(dir.resolve("config"), """
                # global comment
                Include %s/*.conf

                Host bastion
                    HostName bastion.example.com
                    User jump
                    Port 2222
                    IdentityFile ~/.ssh/bastion_key

                Host web-1 web-2
                    HostName %%h.internal.example.com
                    IdentityFile "/keys/web key"

                Match host db-3
                    User nobody-because-match-is-skipped

                Host *.example.com !bastion.example.com
                    User ops

                Host * !legacy
                    User=fallback
                    IdentityFile /keys/default
                    UserKnownHostsFile /tmp/kh /tmp/kh2
                """.formatted(included));
        config = SshConfigFile.load(dir.resolve("config"), dev.incidentconsole.exec.testing.TestUser.current());
    }

    @Test
    void firstValueWinsAndIdentityFilesAccumulate() throws ExecException {
        SshHost bastion = config.resolve("bastion");
        assertThat(bastion.host()).isEqualTo("bastion.example.com");
        assertThat(bastion.user()).isEqualTo("jump");
        assertThat(bastion.port()).isEqualTo(2222);
        assertThat(bastion.identityFiles()).containsExactly(
                Path.of(System.getProperty("user.home"), ".ssh", "bastion_key"), Path.of("/keys/default"));
        assertThat(bastion.knownHosts()).isEqualTo(Path.of("/tmp/kh"));
        assertThat(bastion.proxyJump()).isNull();
    }

    @Test
    void tokensAndQuotedValuesAreExpanded() throws ExecException {
        SshHost web = config.resolve("web-2");
        assertThat(web.host()).isEqualTo("web-2.internal.example.com");
        assertThat(web.user()).isEqualTo("fallback");
        assertThat(web.identityFiles()).containsExactly(Path.of("/keys/web key"), Path.of("/keys/default"));
        assertThat(web.port()).isEqualTo(22);
    }

    @Test
    void includedBlocksApplyAndMatchBlocksAreSkipped() throws ExecException {
        SshHost db = config.resolve("db-3");
        assertThat(db.user()).isEqualTo("postgres");
        assertThat(db.proxyJump()).isEqualTo("bastion");
        assertThat(db.host()).isEqualTo("db-3");
    }

    @Test
    void negatedPatternExcludesAHost() throws ExecException {
        assertThat(config.resolve("api.example.com").user()).isEqualTo("ops");
        assertThat(config.resolve("legacy").user()).isEqualTo(System.getProperty("user.name"));
        assertThat(config.resolve("legacy").identityFiles()).isEmpty();
    }

    @Test
    void aliasesListConcreteHosts() {
        assertThat(config.aliases()).containsExactly("bastion", "web-1", "web-2");
    }

    @Test
    void badPortNamesFileAndLine() throws Exception {
        Path bad = dir.resolve("bad");
        Files.writeString(bad, "Host x\n  Port twenty-two\n");
        SshConfigFile broken = SshConfigFile.load(bad, dev.incidentconsole.exec.testing.TestUser.current());
        assertThatThrownBy(() -> broken.resolve("x")).isInstanceOf(ExecException.class)
                .hasMessageContaining(bad + ":2").hasMessageContaining("twenty-two");
    }

    @ParameterizedTest(name = "{0} => {1}")
    @CsvSource({"tight, true", "loose, false", "elsewhere, true"})
    void identitiesOnlyIsReadPerHostWithTheFirstValueWinning(String alias, boolean only) throws Exception {
        Path file = dir.resolve("agent_config");
        Files.writeString(file, """
                Host tight
                    IdentitiesOnly yes
                    IdentityFile ~/.ssh/tight_key
                Host loose
                    IdentitiesOnly=no
                Host *
                    IdentitiesOnly yes
                """);
        assertThat(SshConfigFile.load(file, dev.incidentconsole.exec.testing.TestUser.current()).resolve(alias).identitiesOnly()).isEqualTo(only);
    }

    @Test
    void missingFileIsAnEmptyConfig() throws ExecException {
        SshHost host = SshConfigFile.load(dir.resolve("absent"), dev.incidentconsole.exec.testing.TestUser.current()).resolve("somewhere");
        assertThat(host.host()).isEqualTo("somewhere");
        assertThat(host.port()).isEqualTo(22);
        assertThat(host.identitiesOnly()).isFalse();
    }

    @Test
    void theLoginNameHomeAndAgentAreTheGivenUsersNotTheJvms() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home/oncall"));
        LocalUser oncall = new LocalUser(home, "oncall", Map.of(SshAgent.SOCKET_VARIABLE, "/run/oncall/agent.sock"),
                dir.resolve("tmp"));
        Path file = dir.resolve("oncall-config");
        Files.writeString(file, """
                Host db
                    HostName db-1.internal
                    IdentityFile ~/.ssh/db_%u
                """);

        SshConfigFile config = SshConfigFile.load(file, oncall);
        SshHost db = config.resolve("db");

        assertThat(db.user()).isEqualTo("oncall");
        assertThat(db.identityFiles()).containsExactly(home.resolve(".ssh/db_oncall"));
        assertThat(SshConfigFile.empty(oncall).resolve("web-1").user()).isEqualTo("oncall");
        assertThat(SshConfigFile.defaultPath(home)).isEqualTo(home.resolve(".ssh/config"));
        assertThat(SshAgent.fromEnvironment(oncall).socket()).isEqualTo(Path.of("/run/oncall/agent.sock"));
        assertThat(SshAgent.fromEnvironment(new LocalUser(home, "oncall", Map.of(), dir)).socket()).isNull();
    }
}
