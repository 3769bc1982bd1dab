package dev.incidentconsole.exec.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.incidentconsole.exec.ExecException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Host keys against known_hosts in OpenSSH format, and the key formats we log in with. */
class MinaHostKeyTest {
    static final String PASSPHRASE = "correct horse battery";

    @TempDir
    static Path dir;
    static MinaServer server;
    static KeyPair user;
    static Path userKey;

    @TempDir
    Path testDir;
    final List<UnknownHostKey> asked = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        server = new MinaServer(dir.resolve("host.ser"));
        user = MinaServer.newKeyPair("EC", 256);
        server.authorized.add(user.getPublic());
        userKey = MinaServer.writeOpenSsh(user, dir.resolve("id_ecdsa"), PASSPHRASE);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private SshHost host(Path knownHosts) {
        return new SshHost("mina", "127.0.0.1", server.port(), "ops", List.of(userKey), null, knownHosts);
    }

    private SshConnections pool(boolean trust) {
        return new SshConnections(SshConfigFile.empty(dev.incidentconsole.exec.testing.TestUser.current()), key -> {
            asked.add(key);
            return trust;
        }, (file, attempt) -> PASSPHRASE.toCharArray(), Duration.ofSeconds(10), Duration.ofSeconds(30),
                SshAgent.none());
    }

    @Test
    void unknownKeyIsShownAcceptedRecordedAndNotAskedAgain() throws Exception {
        Path knownHosts = testDir.resolve("known_hosts");
        try (SshConnections pool = pool(true)) {
            assertThat(pool.client(host(knownHosts)).isAuthenticated()).isTrue();
        }
        assertThat(asked).hasSize(1);
        UnknownHostKey key = asked.get(0);
        assertThat(key.fingerprint()).startsWith("SHA256:").isEqualTo(KnownHostsVerifier.fingerprint(server.hostKey()));
        assertThat(key.question()).contains("[127.0.0.1]:" + server.port()).contains(key.fingerprint());
        assertThat(Files.readAllLines(knownHosts)).singleElement().asString()
                .matches("\\[127\\.0\\.0\\.1]:" + server.port() + " " + KnownHostsVerifier.keyType(server.hostKey())
                        + " AAAA[A-Za-z0-9+/=]+");

        try (SshConnections again = pool(false)) {
            assertThat(again.client(host(knownHosts)).isAuthenticated()).isTrue();
        }
        assertThat(asked).hasSize(1);
    }

    @Test
    void rejectedKeyIsNotRecorded() {
        Path knownHosts = testDir.resolve("known_hosts");
        try (SshConnections pool = pool(false)) {
            assertThatThrownBy(() -> pool.client(host(knownHosts))).isInstanceOf(ExecException.class)
                    .extracting(e -> ((ExecException) e).reason()).isEqualTo(ExecException.Reason.HOST_KEY_REJECTED);
        }
        assertThat(asked).hasSize(1);
        assertThat(knownHosts).doesNotExist();
    }

    @Test
    void changedKeyIsRefusedWithoutAsking() throws Exception {
        Path knownHosts = testDir.resolve("known_hosts");
        KnownHostsVerifier.record(knownHosts, "127.0.0.1", server.port(), server.otherKeyOfTheSameType());
        try (SshConnections pool = pool(true)) {
            ExecException e = org.junit.jupiter.api.Assertions.assertThrows(ExecException.class,
                    () -> pool.client(host(knownHosts)));
            assertThat(e.reason()).isEqualTo(ExecException.Reason.HOST_KEY_CHANGED);
            assertThat(e.getMessage()).contains("has changed").contains("ssh-keygen -R")
                    .contains(KnownHostsVerifier.fingerprint(server.hostKey()));
        }
        assertThat(asked).isEmpty();
        assertThat(Files.readAllLines(knownHosts)).hasSize(1);
    }

    @Test
    void hashedEntryIsRecognisedAndNewEntriesFollowTheFilesHashing() throws Exception {
        Path knownHosts = testDir.resolve("known_hosts");
        KnownHostsVerifier.record(knownHosts, "other.example.com", 22, MinaServer.newKeyPair("EC", 256).getPublic());
        Files.writeString(knownHosts, Files.readString(knownHosts).replace("other.example.com",
                "|1|c2FsdHNhbHRzYWx0c2FsdHNhbHQ=|aGFzaGhhc2hoYXNoaGFzaGhhc2g="));
        KnownHostsVerifier.record(knownHosts, "127.0.0.1", server.port(), server.hostKey());
        assertThat(Files.readAllLines(knownHosts)).hasSize(2).allMatch(l -> l.startsWith("|1|"));

        try (SshConnections pool = pool(false)) {
            assertThat(pool.client(host(knownHosts)).isAuthenticated()).isTrue();
        }
        assertThat(asked).isEmpty();
    }

    @Test
    void pemKeyLogsIn() throws Exception {
        KeyPair pair = MinaServer.newKeyPair("EC", 384);
        server.authorized.add(pair.getPublic());
        Path pem = MinaServer.writePem(pair, testDir.resolve("id_ecdsa.pem"));
        Path knownHosts = testDir.resolve("known_hosts");
        KnownHostsVerifier.record(knownHosts, "127.0.0.1", server.port(), server.hostKey());
        try (SshConnections pool = pool(false)) {
            assertThat(pool.client(host(knownHosts).withIdentityFiles(List.of(pem))).isAuthenticated()).isTrue();
        }
    }

    @Test
    void encryptedOpenSshKeyAsksForItsPassphrase() throws Exception {
        Path knownHosts = testDir.resolve("known_hosts");
        KnownHostsVerifier.record(knownHosts, "127.0.0.1", server.port(), server.hostKey());
        List<Path> askedFor = new CopyOnWriteArrayList<>();
        try (SshConnections pool = new SshConnections(SshConfigFile.empty(dev.incidentconsole.exec.testing.TestUser.current()), HostKeyDecision.REJECT, (file, attempt) -> {
            askedFor.add(file);
            return PASSPHRASE.toCharArray();
        }, Duration.ofSeconds(10), Duration.ofSeconds(30), SshAgent.none())) {
            assertThat(pool.client(host(knownHosts)).isAuthenticated()).isTrue();
        }
        assertThat(askedFor).contains(userKey);
    }

    @Test
    void encryptedKeyWithoutItsPassphraseSaysHowToLogIn() throws Exception {
        Path knownHosts = testDir.resolve("known_hosts");
        KnownHostsVerifier.record(knownHosts, "127.0.0.1", server.port(), server.hostKey());
        try (SshConnections pool = new SshConnections(SshConfigFile.empty(dev.incidentconsole.exec.testing.TestUser.current()), HostKeyDecision.REJECT,
                PassphraseProvider.NONE, Duration.ofSeconds(10), Duration.ofSeconds(30), SshAgent.none())) {
            assertThatThrownBy(() -> pool.client(host(knownHosts))).isInstanceOf(ExecException.class)
                    .hasMessageContaining("no passphrase was given for [" + userKey + "]")
                    .hasMessageContaining("ssh-add")
                    .extracting(e -> ((ExecException) e).reason()).isEqualTo(ExecException.Reason.AUTH_FAILED);
        }
    }

    @Test
    void unknownUserKeyFailsAuthentication() throws Exception {
        Path stranger = MinaServer.writeOpenSsh(MinaServer.newKeyPair("EC", 256), testDir.resolve("stranger"), null);
        Path knownHosts = testDir.resolve("known_hosts");
        KnownHostsVerifier.record(knownHosts, "127.0.0.1", server.port(), server.hostKey());
        try (SshConnections pool = pool(false)) {
            assertThatThrownBy(() -> pool.client(host(knownHosts).withIdentityFiles(List.of(stranger))))
                    .isInstanceOf(ExecException.class).hasMessageContaining("accepted none of the keys")
                    .extracting(e -> ((ExecException) e).reason()).isEqualTo(ExecException.Reason.AUTH_FAILED);
        }
    }

    @Test
    void missingKeyFileIsNamed() {
        Path knownHosts = testDir.resolve("known_hosts");
        try (SshConnections pool = pool(true)) {
            assertThatThrownBy(() -> pool.client(host(knownHosts).withIdentityFiles(List.of(testDir.resolve("nope")))))
                    .isInstanceOf(ExecException.class).hasMessageContaining("nope")
                    .extracting(e -> ((ExecException) e).reason()).isEqualTo(ExecException.Reason.KEY_UNREADABLE);
        }
    }
}
