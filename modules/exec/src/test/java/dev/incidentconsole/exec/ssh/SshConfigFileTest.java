package dev.incidentconsole.exec.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.incidentconsole.exec.ExecException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        config = SshConfigFile.load(dir.resolve("config"));
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
        SshConfigFile broken = SshConfigFile.load(bad);
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
        assertThat(SshConfigFile.load(file).resolve(alias).identitiesOnly()).isEqualTo(only);
    }

    @Test
    void missingFileIsAnEmptyConfig() throws ExecException {
        SshHost host = SshConfigFile.load(dir.resolve("absent")).resolve("somewhere");
        assertThat(host.host()).isEqualTo("somewhere");
        assertThat(host.port()).isEqualTo(22);
        assertThat(host.identitiesOnly()).isFalse();
    }
}
