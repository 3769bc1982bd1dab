package dev.incidentconsole.app.cli;

import dev.incidentconsole.exec.ssh.HostKeyDecision;
import dev.incidentconsole.exec.ssh.PassphraseProvider;
import dev.incidentconsole.exec.ssh.UnknownHostKey;
import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The SSH questions of {@code run}, asked on the terminal like OpenSSH asks them. Without a terminal (a
 * script, a pipe) an unknown host key is refused and encrypted keys are skipped, with a note on stderr.
 */
final class RunPrompts implements HostKeyDecision, PassphraseProvider {
    private final Console console;
    private final PrintWriter err;

    RunPrompts(Console console, PrintWriter err) {
        this.console = console;
        this.err = err;
    }

    @Override
    public boolean trust(UnknownHostKey key) {
        if (console == null) {
            String host = key.port() == 22 ? key.host() : "[" + key.host() + "]:" + key.port();
            err.println("The authenticity of host " + host + " can't be established. " + key.keyType()
                    + " key fingerprint is " + key.fingerprint() + ". Not trusted: there is no terminal to ask. Check"
                    + " the fingerprint, then run this from a terminal to be asked, or add the key with ssh-keyscan -p "
                    + key.port() + " " + key.host() + " >> " + key.knownHosts());
            err.flush();
            return false;
        }
        String answer = console.readLine("%s (yes/no) ", key.question());
        return answer != null && answer.strip().toLowerCase(Locale.ROOT).equals("yes");
    }

    @Override
    public char[] passphrase(Path keyFile, int attempt) {
        if (console == null) {
            return null;
        }
        return console.readPassword("Enter passphrase for key '%s'%s: ", keyFile, attempt > 1 ? " (try again)" : "");
    }
}
