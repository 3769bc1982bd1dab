package dev.incidentconsole.exec.ssh;

import java.nio.file.Path;

/**
 * Supplies the passphrase of an encrypted private key when it is first needed. Called on an SSH I/O
 * thread during authentication: answer promptly (a GUI should ask before connecting or cache answers).
 */
@FunctionalInterface
public interface PassphraseProvider {

    /**
     * @param keyFile the encrypted key
     * @param attempt 1 for the first ask, 2 and 3 after a wrong passphrase
     * @return the passphrase, or {@code null} to skip this key
     */
    char[] passphrase(Path keyFile, int attempt);

    /** Never has a passphrase: encrypted keys are skipped. */
    PassphraseProvider NONE = (file, attempt) -> null;
}
