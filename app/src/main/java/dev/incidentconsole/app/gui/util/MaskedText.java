package dev.incidentconsole.app.gui.util;

import dev.incidentconsole.runbook.SecretMasker;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * A text as the screen shows it: each secret {@link SecretMasker} finds replaced by {@value SecretMasker#MASK}
 * until the engineer reveals that one. The real text stays available for copying and running. Immutable:
 * {@link #reveal} returns a copy.
 */
public final class MaskedText {
    private final String real;
    private final List<SecretMasker.Span> secrets;
    private final BitSet revealed;

    /**
     * A run of the text: plain, or one secret (numbered from 0 in text order) with what to show for it.
     *
     * @param text   what the screen shows for this run
     * @param secret the secret's number, or -1 for plain text
     * @param hidden true while the secret is masked
     */
    public record Part(String text, int secret, boolean hidden) {
        public boolean isSecret() {
            return secret >= 0;
        }
    }

    private MaskedText(String real, List<SecretMasker.Span> secrets, BitSet revealed) {
        this.real = real;
        this.secrets = secrets;
        this.revealed = revealed;
    }

    /** {@code text} with every secret masked; null is treated as empty. */
    public static MaskedText of(String text) {
        String t = text == null ? "" : text;
        return new MaskedText(t, SecretMasker.standard().find(t), new BitSet());
    }

    /** {@code command} (a shell command's text) with every secret masked, its words read on the shell model. */
    public static MaskedText ofCommand(String command) {
        String t = command == null ? "" : command;
        return new MaskedText(t, SecretMasker.standard().findInCommand(t), new BitSet());
    }

    /**
     * {@code command} as it runs, its placeholders substituted, with every secret masked: a quoted {@code '<x>'} there
     * is a typed value ({@link SecretMasker#findInRunCommand}).
     */
    public static MaskedText ofRunCommand(String command) {
        return ofRunCommand(command, SecretMasker.standard());
    }

    /** As {@link #ofRunCommand(String)} with {@code masker}, e.g. one that knows the values typed into secret fields. */
    public static MaskedText ofRunCommand(String command, SecretMasker masker) {
        String t = command == null ? "" : command;
        return new MaskedText(t, masker.findInRunCommand(t), new BitSet());
    }

    /**
     * The next line of a stream (a run's stdout or stderr) with its secrets masked, {@code stream}
     * remembering what earlier lines began (a private key block).
     */
    public static MaskedText ofLine(String line, SecretMasker.LineMasker stream) {
        String t = line == null ? "" : line;
        return new MaskedText(t, stream.find(t), new BitSet());
    }

    /** The text with secret number {@code secret} shown as it is; unknown numbers change nothing. */
    public MaskedText reveal(int secret) {
        if (secret < 0 || secret >= secrets.size() || revealed.get(secret)) {
            return this;
        }
        BitSet copy = (BitSet) revealed.clone();
        copy.set(secret);
        return new MaskedText(real, secrets, copy);
    }

    /** The text, plain and secret runs in order. */
    public List<Part> parts() {
        List<Part> parts = new ArrayList<>();
        int at = 0;
        for (int k = 0; k < secrets.size(); k++) {
            SecretMasker.Span s = secrets.get(k);
            if (s.start() > at) {
                parts.add(new Part(real.substring(at, s.start()), -1, false));
            }
            boolean hidden = !revealed.get(k);
            parts.add(new Part(hidden ? SecretMasker.MASK : real.substring(s.start(), s.end()), k, hidden));
            at = s.end();
        }
        if (at < real.length() || parts.isEmpty()) {
            parts.add(new Part(real.substring(at), -1, false));
        }
        return parts;
    }

    /** What the screen shows: masked secrets as {@value SecretMasker#MASK}, revealed ones as they are. */
    public String shown() {
        StringBuilder sb = new StringBuilder(real.length());
        parts().forEach(p -> sb.append(p.text()));
        return sb.toString();
    }

    /** The text with its secrets, for copying and running. */
    public String real() {
        return real;
    }

    /** Whether there is anything to mask; a view can draw a plain label when not. */
    public boolean hasSecrets() {
        return !secrets.isEmpty();
    }

    /** The secret spans in the real text, in text order. */
    public List<SecretMasker.Span> secrets() {
        return secrets;
    }

    /** Whether secret number {@code secret} is currently masked. */
    public boolean hidden(int secret) {
        return secret >= 0 && secret < secrets.size() && !revealed.get(secret);
    }
}
