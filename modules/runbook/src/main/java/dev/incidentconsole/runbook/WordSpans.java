package dev.incidentconsole.runbook;

import dev.incidentconsole.shell.ParameterExpansion;
import dev.incidentconsole.shell.Quoting;
import dev.incidentconsole.shell.ShellCommand;
import dev.incidentconsole.shell.Word;
import dev.incidentconsole.shell.WrittenValue;
import java.util.ArrayList;
import java.util.List;

/**
 * The secret ranges {@link CommandSecrets} finds in one command's text: a secret found in a word's value is
 * brought back to the characters it comes from, its quotes left in place, unless the value only names a secret.
 * One per command read; not thread-safe.
 */
final class WordSpans {
    private final ShellCommand parsed;
    /** The command is as it ran: its placeholders were substituted, so a quoted {@code '<x>'} is a value. */
    private final boolean run;
    private final List<int[]> out = new ArrayList<>();
    /** Where the code of each command substitution standing in a secret's place starts. */
    private final java.util.Set<Integer> secretSubstitutions = new java.util.HashSet<>();

    WordSpans(ShellCommand parsed, boolean run) {
        this.parsed = parsed;
        this.run = run;
    }

    /** The ranges found so far, {@code [start, end)} in the command's text, in the order found. */
    List<int[]> ranges() {
        return out;
    }

    /** The value of {@code w} from index {@code from} on, as a range of the command's text. */
    void value(Word w, int from) {
        value(w, from, w.value().length());
    }

    /**
     * The characters {@code [from, to)} of {@code w}'s value, as ranges of the command's text. Around an expansion
     * ({@code -pPrefix9${PW}}, {@code "x${PW}y"}) the literal characters are the secret's too, and are masked; the
     * expansion keeps its name, and a literal default in it is masked on its own ({@link #literalDefault}).
     */
    void value(Word w, int from, int to) {
        if (from >= to || to > w.value().length()) {
            return;
        }
        int[] offsets = parsed.valueOffsets(w);
        if (offsets != null && !expandsIn(w, from, to)) {
            if (!names(w, from, to, offsets)) {
                add(offsets, from, to);
            }
            return;
        }
        WrittenValue written = parsed.writtenValue(w);
        if (written != null) {
            literalParts(w, from, to, written);
        }
        if (offsets == null) {
            literalDefault(w, from, to);
            substitutions(w, from, to);
        }
    }

    /** The value's characters {@code [from, to)} as one range of the text; the backslash escaping the first with it. */
    private void add(int[] offsets, int from, int to) {
        int a = offsets[from];
        // the backslash escaping its first character goes with it: "\\****" would read as an escaped '*'
        boolean escape = a > 0 && parsed.text().charAt(a - 1) == '\\' && (from == 0 || offsets[from - 1] < a - 1);
        add(escape ? a - 1 : a, offsets[to - 1] + 1);
    }

    private static boolean expandsIn(Word w, int from, int to) {
        int at = w.expansions().nextSetBit(from);
        return at >= 0 && at < to;
    }

    /**
     * Each stretch of literal characters of {@code [from, to)} between the expansions of {@code w}; none when
     * {@code from} falls inside an expansion ({@code -u ${PGUSER:-app}}: that colon is the expansion's, no password
     * follows it). A stretch that is an earlier mask or a placeholder's name stays.
     */
    private void literalParts(Word w, int from, int to, WrittenValue written) {
        if (!written.literalAt(from) && !w.expansions().get(from)) {
            return;
        }
        for (int[] r : written.literalStretches(from, to)) {
            String part = w.value().substring(r[0], r[1]);
            boolean name = SpanList.isMasked(part)
                    || SpanList.isPlaceholder(part) && !(run && SpanList.quotedAt(parsed, written.offsets()[r[0]]));
            if (!name) {
                add(written.offsets(), r[0], r[1]);
            }
        }
    }

    /**
     * The literal defaults of a secret given as variables the shell expands ({@code -p${DB_PW:-s3cret}},
     * {@code -px${PW:-'s3cret'}}, {@code -p${A:-${PW:-s3cret}}}): used when the variable is unset, each is the secret
     * in clear. The value keeps each expansion as written, so each is found in the word's text in turn; only those
     * from the value's character {@code from} on are the secret's ({@code -U ${PGUSER:-app}} has no password after
     * its colon: that colon is the expansion's).
     */
    private void literalDefault(Word w, int from, int to) {
        String v = w.value();
        String text = parsed.text();
        int end = Math.min(w.end(), text.length());
        int raw = w.start();
        for (int at = v.indexOf("${"); at >= 0 && at < to; at = v.indexOf("${", at + 2)) {
            if (!w.expansions().get(at)) {
                continue;
            }
            ParameterExpansion p = ParameterExpansion.at(v, at);
            if (p == null) {
                // unreadable (a default over 4 KB, no closing brace): in a secret's place, the rest may be the secret
                int found = text.indexOf("${", raw);
                if (at >= from && found >= 0 && found < end) {
                    add(found, end);
                }
                return;
            }
            String written = v.substring(at, p.end());
            int found = text.indexOf(written, raw);
            if (found < 0 || found + written.length() > end || at < from && p.end() > from) {
                return;
            }
            raw = found + written.length();
            if (at >= from) {
                for (int[] d : SpanList.literalDefaults(text, found, raw, parsed, 0, true)) {
                    add(d[0], d[1]);
                }
            }
            at = p.end() - 2; // the expansions nested in it were read with it
        }
    }

    /**
     * Notes the command substitutions that make {@code w}'s value {@code [from, to)} ({@code -a "$(echo s3cret)"}): what
     * they print is the secret, so {@link CommandSecrets} reads what an {@code echo} or {@code printf} there writes.
     */
    private void substitutions(Word w, int from, int to) {
        // by offset, not by searching the value for each one's code (5,000 substitutions took 23 s): a character of
        // the value stands at or after its own index in the word's text, so nothing before w.start() + from is in it
        String v = w.value();
        boolean whole = to == v.length();
        List<Integer> starts = parsed.substitutionStarts();
        List<ShellCommand> codes = whole ? List.of() : parsed.substitutions(); // parsed anew on each call
        // the starts are ascending: those of this word are found from its own, not from the command's first
        int first = java.util.Collections.binarySearch(starts, w.start() + from + 1);
        for (int k = first >= 0 ? first : -first - 1; k < starts.size() && starts.get(k) < w.end(); k++) {
            if (whole || within(v, codes.get(k).text(), from, to)) {
                secretSubstitutions.add(starts.get(k));
            }
        }
    }

    private static boolean within(String v, String code, int from, int to) {
        int i = v.indexOf(code, from);
        return i >= 0 && i + code.length() <= to;
    }

    /** Whether the command substitution whose code starts at {@code at} stands in a secret's place (see {@link #value}). */
    boolean secretSubstitution(int at) {
        return secretSubstitutions.contains(at);
    }

    /**
     * Whether {@code w}'s value {@code [from, to)} only names a secret, or is an earlier mask: a variable the shell
     * expands ({@code -a "$PW"}, not {@code -a '$PW'} nor {@code \$PW}, which it passes as written), or a
     * placeholder ({@code <pw>}), unless the command ran and the shell reads it quoted: then it was substituted,
     * and {@code '<x>'} is the value typed.
     */
    private boolean names(Word w, int from, int to, int[] offsets) {
        String v = w.value().substring(from, to);
        if (SpanList.isMasked(v)) {
            return true;
        }
        if (SpanList.isVariable(v)) {
            return w.expansions().get(from);
        }
        if (SpanList.isPlaceholder(v)) {
            return !(run && SpanList.quotedAt(parsed, offsets[from]));
        }
        return false;
    }

    /**
     * Adds {@code [a, b)}, widened to the quotes around its ends when its first and last characters are read in
     * different quotings: then the mask replaces the quotes too, and what follows it is read as before.
     */
    void add(int a, int b) {
        Quoting first = parsed.quotingAt(a);
        Quoting last = parsed.quotingAt(b - 1);
        if (first != last) {
            if (first != Quoting.UNQUOTED) {
                while (a > 0 && parsed.quotingAt(a - 1) == first) {
                    a--;
                }
                a = Math.max(0, a - (first == Quoting.ANSI_C ? 2 : 1));
            }
            if (last != Quoting.UNQUOTED) {
                while (b < parsed.text().length() && parsed.quotingAt(b) == last) {
                    b++;
                }
            }
        }
        out.add(new int[] {a, b});
    }
}
