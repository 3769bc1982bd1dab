package dev.incidentconsole.exec.ssh;

import java.nio.file.Path;

/**
 * A host key that is not yet in known_hosts, as shown to the engineer.
 *
 * @param host        host name as connected to
 * @param port        TCP port
 * @param keyType     e.g. {@code ssh-ed25519}
 * @param fingerprint OpenSSH's {@code SHA256:...} fingerprint, comparable to {@code ssh-keygen -lf}
 * @param knownHosts  the file the key will be recorded in when trusted
 */
public record UnknownHostKey(String host, int port, String keyType, String fingerprint, Path knownHosts) {

    /** The prompt sentence, OpenSSH style. */
    public String question() {
        return "The authenticity of host " + (port == 22 ? host : "[" + host + "]:" + port)
                + " can't be established. " + keyType + " key fingerprint is " + fingerprint
                + ". Trust it and record it in " + knownHosts + "?";
    }
}
