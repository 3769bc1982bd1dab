package dev.incidentconsole.exec.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.incidentconsole.exec.ExecException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Logging in with keys held by a real OpenSSH ssh-agent (loaded with ssh-add, the key files given to our
 * client being none or unrelated) against in-process MINA sshd, which refuses SHA-1 RSA signatures.
 */
class SshAgentTest {
    @TempDir
    static Path dir;
    static MinaServer server;
    static Path knownHosts;
    static Path ed25519;
    static Path rsa;
    static Path fileKey;
    static PublicKey fileKeyPublic;

    @TempDir
    Path testDir;
    OpenSshAgent agent;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(OpenSshAgent.available(), "ssh-agent, ssh-add or ssh-keygen is not installed; skipping agent tests");
        server = new MinaServer(dir.resolve("host.ser"));
        server.server.setSignatureFactories(server.server.getSignatureFactories().stream()
                .filter(f -> !f.getName().equals("ssh-rsa")).toList());
        knownHosts = dir.resolve("known_hosts");
        KnownHostsVerifier.record(knownHosts, "127.0.0.1", server.port(), server.hostKey());
        ed25519 = OpenSshAgent.keygen(dir, "ed25519", "agent-ed25519");
        rsa = OpenSshAgent.keygen(dir, "rsa", "agent-rsa");
        KeyPair file = MinaServer.newKeyPair("EC", 256);
        fileKeyPublic = file.getPublic();
        fileKey = MinaServer.writeOpenSsh(file, dir.resolve("id_file"), null);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void startAgent() throws Exception {
        agent = OpenSshAgent.start(testDir.resolve("agent"));
        server.authorized.clear();
        server.offered.clear();
    }

    @AfterEach
    void stopAgent() throws Exception {
        agent.close();
    }

    private SshHost host(Path... keyFiles) {
        return new SshHost("mina", "127.0.0.1", server.port(), "ops", List.of(keyFiles), null, knownHosts);
    }

    private static SshConnections pool(SshAgent agent) {
        return new SshConnections(SshConfigFile.empty(dev.incidentconsole.exec.testing.TestUser.current()), HostKeyDecision.REJECT, PassphraseProvider.NONE,
                Duration.ofSeconds(10), Duration.ofSeconds(30), agent);
    }

    private void assertLoggedInWith(SshAgent sshAgent, SshHost host, PublicKey expected) throws ExecException {
        try (SshConnections pool = pool(sshAgent)) {
            assertThat(pool.client(host).isAuthenticated()).isTrue();
        }
        assertThat(server.offered).last().satisfies(k -> assertThat(KeyUtils.compareKeys(k, expected)).isTrue());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"ed25519", "rsa"})
    void keyHeldOnlyByTheAgentLogsIn(String type) throws Exception {
        Path key = type.equals("rsa") ? rsa : ed25519;
        PublicKey expected = OpenSshAgent.publicKey(key);
        server.authorized.add(expected);
        Path copy = Files.copy(key, testDir.resolve("loaded"));
        agent.add(copy);
        Files.delete(copy); // the client can only have it from the agent

        assertLoggedInWith(SshAgent.at(agent.socket, Duration.ofSeconds(5)), host(), expected);
    }

    @Test
    void agentListsItsKeysWithOpenSshFingerprints() throws Exception {
        agent.add(ed25519);
        agent.add(rsa);

        List<SshAgent.Identity> held = SshAgent.at(agent.socket, Duration.ofSeconds(5)).identities();

        assertThat(held).extracting(SshAgent.Identity::fingerprint)
                .containsExactly(OpenSshAgent.fingerprint(ed25519), OpenSshAgent.fingerprint(rsa));
        assertThat(held).extracting(SshAgent.Identity::comment).containsExactly("agent-ed25519", "agent-rsa");
    }

    @Test
    void emptyAgentFallsBackToTheIdentityFile() throws Exception {
        server.authorized.add(fileKeyPublic);

        assertLoggedInWith(SshAgent.at(agent.socket, Duration.ofSeconds(5)), host(fileKey), fileKeyPublic);
    }

    @Test
    void socketNamingNothingFallsBackToTheIdentityFile() throws Exception {
        server.authorized.add(fileKeyPublic);

        assertLoggedInWith(SshAgent.at(testDir.resolve("gone.sock"), Duration.ofSeconds(5)), host(fileKey),
                fileKeyPublic);
    }

    @Test
    void agentThatNeverAnswersFallsBackAfterItsTimeout() throws Exception {
        server.authorized.add(fileKeyPublic);
        Path socket = testDir.resolve("silent.sock");
        try (ServerSocketChannel silent = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            silent.bind(UnixDomainSocketAddress.of(socket)); // connections wait in the backlog, never answered

            assertLoggedInWith(SshAgent.at(socket, Duration.ofMillis(300)), host(fileKey), fileKeyPublic);
        }
    }

    @Test
    void agentThatRefusesToSignFallsBackToTheIdentityFile() throws Exception {
        PublicKey confirmed = OpenSshAgent.publicKey(ed25519);
        server.authorized.add(confirmed);
        server.authorized.add(fileKeyPublic);
        agent.add(ed25519, "-c"); // every use needs a confirmation, which this agent denies

        assertLoggedInWith(SshAgent.at(agent.socket, Duration.ofSeconds(5)), host(fileKey), fileKeyPublic);
        assertThat(server.offered).anySatisfy(k -> assertThat(KeyUtils.compareKeys(k, confirmed)).isTrue());
    }

    @Test
    void identitiesOnlyOffersJustTheAgentKeyOfTheIdentityFile() throws Exception {
        PublicKey other = OpenSshAgent.publicKey(ed25519);
        PublicKey wanted = OpenSshAgent.publicKey(rsa);
        server.authorized.add(other);
        server.authorized.add(wanted);
        agent.add(ed25519);
        agent.add(rsa);
        Path onlyPublic = testDir.resolve("id_rsa");
        Files.copy(Path.of(rsa + ".pub"), Path.of(onlyPublic + ".pub")); // the private key lives in the agent only

        assertLoggedInWith(SshAgent.at(agent.socket, Duration.ofSeconds(5)),
                host(onlyPublic).withIdentitiesOnly(true), wanted);
        assertThat(server.offered).noneSatisfy(k -> assertThat(KeyUtils.compareKeys(k, other)).isTrue());
    }

    @Test
    void withoutIdentitiesOnlyTheAgentKeysComeBeforeTheIdentityFile() throws Exception {
        PublicKey fromAgent = OpenSshAgent.publicKey(ed25519);
        server.authorized.add(fromAgent);
        server.authorized.add(fileKeyPublic);
        agent.add(ed25519);

        assertLoggedInWith(SshAgent.at(agent.socket, Duration.ofSeconds(5)), host(fileKey), fromAgent);
        assertThat(server.offered).noneSatisfy(k -> assertThat(KeyUtils.compareKeys(k, fileKeyPublic)).isTrue());
    }

    @Test
    void rejectedAgentKeysAndNoFileEndInAClearAuthenticationFailure() throws Exception {
        agent.add(ed25519);

        try (SshConnections pool = pool(SshAgent.at(agent.socket, Duration.ofSeconds(5)))) {
            assertThatThrownBy(() -> pool.client(host(testDir.resolve("missing_key"))))
                    .isInstanceOf(ExecException.class)
                    .hasMessageContaining("accepted none of the keys (1 from the ssh-agent, then [")
                    .hasMessageContaining("missing_key for mina does not exist")
                    .extracting(e -> ((ExecException) e).reason()).isEqualTo(ExecException.Reason.AUTH_FAILED);
        }
    }
}
