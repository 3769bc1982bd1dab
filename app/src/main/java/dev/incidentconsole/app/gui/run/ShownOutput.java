package dev.incidentconsole.app.gui.run;

import dev.incidentconsole.app.gui.util.MaskedText;
import dev.incidentconsole.exec.OutputLine;
import dev.incidentconsole.runbook.SecretMasker;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * A run's output as the screen shows it: each line's secrets masked as it arrives, in stream order (stdout and stderr
 * each read by a line masker of its own, since a key block spans lines), and revealed one at a time on request;
 * lines no longer listed are forgotten. The lines themselves stay real. UI thread only.
 */
public final class ShownOutput {
    private final ObservableList<OutputLine> output;
    /** Listed lines that hold secrets: line seq → the line as shown (revealed values kept). */
    private final Map<Long, MaskedText> secretLines = new HashMap<>();
    /**
     * Bumped once the shown text has changed (lines masked as they arrived or left, a secret revealed). A view binds
     * to this, never to the output list: the list tells its invalidation listeners before {@link #follow} has masked
     * the new lines, so a text read then would show them with the standard rules only (a password the command
     * printed bare, a key's body lines in clear).
     */
    private final ReadOnlyIntegerWrapper changes = new ReadOnlyIntegerWrapper(this, "changes");
    private SecretMasker.LineMasker stdout = SecretMasker.standard().lines();
    private SecretMasker.LineMasker stderr = SecretMasker.standard().lines();

    ShownOutput(ObservableList<OutputLine> output) {
        this.output = output;
        output.addListener((ListChangeListener<OutputLine>) this::follow);
    }

    /**
     * A run of {@code command} starts: the secrets its own text holds, and {@code handed} (the secret values its
     * environment gives it), are masked in its output too.
     */
    void startRun(String command, List<String> handed) {
        SecretMasker own = SecretMasker.standard().withSecrets(handed).forCommand(command);
        stdout = own.lines();
        stderr = own.lines();
    }

    private void follow(ListChangeListener.Change<? extends OutputLine> change) {
        while (change.next()) {
            change.getRemoved().forEach(l -> secretLines.remove(l.seq()));
            for (OutputLine l : change.getAddedSubList()) {
                MaskedText shown = MaskedText.ofLine(l.text(), l.isError() ? stderr : stdout);
                if (shown.hasSecrets()) {
                    secretLines.put(l.seq(), shown);
                }
            }
        }
        changes.set(changes.get() + 1);
    }

    /** How {@code line} is shown: its secrets masked, except those revealed with {@link #reveal}. */
    public MaskedText line(OutputLine line) {
        MaskedText shown = secretLines.get(line.seq());
        return shown != null ? shown : MaskedText.of(line.text());
    }

    /** Shows secret number {@code secret} of {@code line} in clear. */
    public void reveal(OutputLine line, int secret) {
        secretLines.computeIfPresent(line.seq(), (seq, shown) -> shown.reveal(secret));
        changes.set(changes.get() + 1);
    }

    /** The last {@code lines} output lines as one block of text, each line as {@link #line} shows it. */
    public String text(int lines) {
        StringBuilder text = new StringBuilder();
        for (OutputLine line : last(lines)) {
            text.append(text.isEmpty() ? "" : "\n").append(line(line).shown());
        }
        return text.toString();
    }

    /**
     * Reveals the masked secret at {@code offset} of {@link #text(int) text(lines)} (a click in that block); false
     * when no masked secret is there.
     */
    public boolean revealAt(int lines, int offset) {
        int lineStart = 0;
        for (OutputLine line : last(lines)) {
            int at = lineStart;
            for (MaskedText.Part part : line(line).parts()) {
                int end = at + part.text().length();
                if (part.hidden() && offset >= at && offset <= end) {
                    reveal(line, part.secret());
                    return true;
                }
                at = end;
            }
            lineStart = at + 1;
        }
        return false;
    }

    private List<OutputLine> last(int lines) {
        return output.subList(Math.max(0, output.size() - lines), output.size());
    }

    /**
     * {@link #text(int) text(lines)}, recomputed once the lines that arrived are masked or a secret is revealed:
     * what a view showing the block binds to.
     */
    public StringBinding textBinding(int lines) {
        return Bindings.createStringBinding(() -> text(lines), changes);
    }

    /** Changes each time the shown output does (lines masked as they arrive or leave, a secret revealed). */
    public ReadOnlyIntegerProperty changesProperty() {
        return changes.getReadOnlyProperty();
    }
}
