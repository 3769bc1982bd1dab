package dev.incidentconsole.exec;

import dev.incidentconsole.runbook.Danger;
import dev.incidentconsole.runbook.SecretMasker;
import dev.incidentconsole.shell.ShellCommand;
import java.time.Duration;
import java.util.List;

/**
 * A request after substitution and checks, ready to show the engineer before it runs. Only
 * {@link CommandRunner#prepare} makes one, so what {@link CommandRunner#start(PreparedCommand, Confirmation)} is
 * handed was judged by the runner itself: a caller cannot mark a destructive command safe, nor show one text and run
 * another. (A class, not a record: a public record's constructor is public.) Immutable and thread-safe.
 */
public final class PreparedCommand {
    private final String text;
    private final ShellCommand parsed;
    private final String runText;
    private final Target target;
    private final Danger danger;
    private final Interactivity interactivity;
    private final Duration timeout;
    private final List<String> secrets;

    PreparedCommand(String text, ShellCommand parsed, String runText, Target target, Danger danger,
                    Interactivity interactivity, Duration timeout, List<String> secrets) {
        this.text = text;
        this.parsed = parsed;
        this.runText = runText;
        this.target = target;
        this.danger = danger;
        this.interactivity = interactivity;
        this.timeout = timeout;
        this.secrets = List.copyOf(secrets);
    }

    /** The command with every placeholder filled in and quoted: what the engineer is shown and confirms. */
    public String text() {
        return text;
    }

    /** {@link #text()} read as a shell command, once, for every later look at its words. */
    public ShellCommand parsed() {
        return parsed;
    }

    /** What the target actually runs, e.g. wrapped in {@code kubectl exec ... -- sh -c '...'}. */
    public String runText() {
        return runText;
    }

    /** Where it runs. */
    public Target target() {
        return target;
    }

    /** Why it is destructive (judged after substitution), or {@code null}. */
    public Danger danger() {
        return danger;
    }

    /** Whether it needs a terminal or never ends. */
    public Interactivity interactivity() {
        return interactivity;
    }

    /** The effective timeout, or {@code null} for none. */
    public Duration timeout() {
        return timeout;
    }

    /**
     * The values this run holds that are secret whatever they look like: the request's {@link RunRequest#secrets()}
     * (as given and as quoted into the text) and those of its target's environment whose names say so
     * ({@link TargetVariables#secretValues}).
     */
    public List<String> secrets() {
        return secrets;
    }

    /**
     * The one masker for everything this run shows or stores (preview, history, run log, timeline, output): the
     * standard rules plus {@link #secrets()}. Output masking adds {@link SecretMasker#forCommand} on {@link #text()}.
     */
    public SecretMasker masker() {
        return SecretMasker.standard().withSecrets(secrets);
    }

    /** Whether it needs the engineer's {@link Confirmation} to run. */
    public boolean dangerous() {
        return danger != null;
    }

    @Override
    public String toString() {
        return "PreparedCommand[" + text + " on " + target + (danger == null ? "" : ", destructive: " + danger) + "]";
    }
}
