package dev.incidentconsole.shell;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

/**
 * A shell command text parsed once: its simple commands (with the pipelines, lists and subshells that link
 * them), their words with source offsets, redirections and here-documents, and the quoting of every
 * character. This is the one reader of shell text in the app: placeholders, danger rules, runner hints,
 * interactivity, quoting of substituted values, health's check commands and masking all read this model.
 *
 * <p>The parser never fails: unterminated quotes, substitutions or here-documents run to the end of the
 * text. It looks at each character once (a single pass, no regular expressions), so parsing is linear in
 * the text's length. Instances are immutable and thread-safe.
 */
public final class ShellCommand {
    /** {@code Quoting.values()} copies its array at every call, and this is asked for every character. */
    private static final Quoting[] QUOTINGS = Quoting.values();

    private final String text;
    /** The quoting of each character of {@link #text} and of its end; may run on past it (never read there). */
    private final byte[] quoting;
    /** Where each {@code $} this shell expands is (see {@link QuoteScanner#markExpansion}); null when none. */
    private final BitSet expanded;
    private final List<SimpleCommand> commands;
    private final List<int[]> substitutionRanges;
    /** The start of each of {@link #substitutionRanges}, in text order: asked for once per word read. */
    private final List<Integer> substitutionStarts;

    ShellCommand(String text, byte[] quoting, BitSet expanded, List<SimpleCommand> commands,
                 List<int[]> substitutionRanges) {
        this.text = text;
        this.quoting = quoting;
        this.expanded = expanded;
        this.commands = List.copyOf(commands);
        this.substitutionRanges = List.copyOf(substitutionRanges);
        this.substitutionStarts = this.substitutionRanges.stream().map(r -> r[0]).toList();
    }

    /**
     * Parses {@code text}, which may hold several lines, lists, pipelines, comments, continuations and
     * here-documents.
     *
     * @param text a shell command text; {@code null} reads as empty
     * @return the model; never {@code null}
     */
    public static ShellCommand parse(String text) {
        return new ShellParser(text == null ? "" : text).parse();
    }

    /**
     * Finds where the first command of a multi-line text ends, for a reader that splits a script or a code
     * block into the commands it holds: at the first line end where nothing is open (no quote, substitution,
     * here-document body, compound command, subshell, trailing {@code |}/{@code &&}/{@code ||} or backslash).
     * Line ends inside quotes and here-document bodies are content, never ends. Reads only as far as it needs.
     *
     * @param text       the text from the command's first line on; {@code null} reads as empty
     * @param stopBefore asked, with the offset of the next line, at each line end outside quotes and
     *                   here-document bodies where the command is still open; true ends the command there
     *                   (a caller's own rule, such as a blank line); {@code null} never ends it early
     * @return the end found, with what is still open there; the text's length and what is open at the end
     *         when the text ends first
     */
    public static CommandEnd firstCommandEnd(String text, IntPredicate stopBefore) {
        return new ShellParser(text == null ? "" : text, stopBefore == null ? CommandEnd.NEVER : stopBefore)
                .firstCommandEnd();
    }

    /**
     * Whether {@code text} is a complete command, or what makes it continue on the next line. The masker asks it
     * of one line of free text at a time; over many lines it reads each command's rest again, so it is meant for
     * a line or a few, not a whole script.
     *
     * @param text one or more lines; {@code null} reads as empty
     * @return {@link Continuation#NONE} when a shell would run it as it is
     */
    public static Continuation continuation(String text) {
        // a last line without its line break still ends there: "ls |" continues, as "ls |\n" does
        String t = text == null || text.isEmpty() ? "" : text.endsWith("\n") ? text : text + "\n";
        int at = 0;
        CommandEnd end;
        do {
            end = firstCommandEnd(t.substring(at), null);
            at += end.end() + 1;
        } while (end.complete() && at < t.length());
        return end.open();
    }

    /**
     * Finds where the first command of a multi-line text ends, as {@link #firstCommandEnd} does, and parses
     * that command in the same reading: for a splitter that wants both, at the cost of one reading.
     *
     * @param text       as for {@link #firstCommandEnd}
     * @param stopBefore as for {@link #firstCommandEnd}
     * @return the end, and when the command is complete there, its model: equal to {@link #parse} of
     *         {@link FirstCommand#text()}, the text up to its last word (without the blanks and comment after it)
     */
    public static FirstCommand parseFirst(String text, IntPredicate stopBefore) {
        return new ShellParser(text == null ? "" : text, stopBefore == null ? CommandEnd.NEVER : stopBefore)
                .parseFirst();
    }

    /** The parsed text. */
    public String text() {
        return text;
    }

    /**
     * The quoting in force just before {@code offset}: where a value inserted at {@code offset} would land.
     *
     * @param offset 0 to {@code text().length()}; outside that range the nearest end is used
     */
    public Quoting quotingAt(int offset) {
        int k = Math.max(0, Math.min(offset, text.length()));
        return QUOTINGS[quoting[k]];
    }

    /**
     * The {@link Quoting#ordinal()} of {@link #quotingAt} for every character of {@link #text}, in one new array:
     * for callers that read every character, where a call per character costs several times the copy.
     *
     * @return a new array of {@code text().length()} ordinals, the caller's to change
     */
    public byte[] quotingOrdinals() {
        return java.util.Arrays.copyOf(quoting, text.length());
    }

    /**
     * Whether this command's shell expands the {@code $} or the opening backtick at {@code offset}: unquoted, in
     * double quotes, in a
     * command substitution, in a {@code ${...}} or in a here-document with an unquoted delimiter, and not escaped;
     * not in single quotes, {@code $'...'}, a comment or a literal here-document. The same decision as
     * {@link Word#expansions}, made once by the parser.
     *
     * @param offset an offset in {@link #text()}; false when it holds no {@code $} nor opening backtick, or is out
     *               of range
     */
    public boolean expandsAt(int offset) {
        return expanded != null && offset >= 0 && offset < text.length() && expanded.get(offset);
    }

    /**
     * The {@code ${...}} expansion whose {@code $} is at {@code offset}, when this command's shell expands it
     * (see {@link #expandsAt}): its name, operator and word ({@link ParameterExpansion}).
     *
     * @param offset an offset in {@link #text()}
     * @return null when no expanded {@code ${} starts there, or it is never closed
     */
    public ParameterExpansion parameterAt(int offset) {
        return expandsAt(offset) ? ParameterExpansion.at(text, offset) : null;
    }

    /**
     * Whether the character at {@code offset} sits in an argument that a second shell parses again as a
     * command: the arguments of a shell given a script ({@code sh -c "..."}, {@code bash -lc}, {@code su -c},
     * also behind {@code sudo}, {@code xargs} or a container runner), the remote command of {@code ssh host
     * "..."}, the command {@code watch} runs, and {@code eval}'s arguments; in a command substitution too. A
     * value inserted there must be quoted for that second shell as well.
     *
     * @param offset 0 to {@code text().length()}
     * @return false for a word that reaches its program as data ({@code kubectl logs "<pod>"}) and for text
     *         outside any word (a here-document body, a comment)
     */
    public boolean reparsedAt(int offset) {
        return reparsedWordAt(offset) != null;
    }

    /**
     * Where the character at {@code offset} lands in what the second shell parses, when {@link #reparsedAt} is
     * true: the script it receives (its word's value, quotes and escapes removed; for {@code ssh}, {@code eval}
     * and {@code watch}, which join their words with spaces, the joined words) parsed as a command, and the
     * offset there. The quoting there depends only on the script before that offset, so what follows may hold
     * anything.
     *
     * @param offset 0 to {@code text().length()}
     * @return {@code null} when no second shell parses it, or when the first shell expands something before it
     *         in the script ({@code $(...)}, backticks, {@code ${...}}, {@code $name} outside single quotes), whose
     *         result, and so the second shell's quoting at the offset, is unknown
     */
    public Nested nestedAt(int offset) {
        return nestedAt(offset, false);
    }

    /**
     * The word holding {@code offset} read as a script, as {@link #nestedAt} reads a second shell's: for a word
     * that a program the model cannot follow may hand to a shell ({@link #mayReparse}).
     *
     * @return {@code null} outside a word, or when the first shell expands something before {@code offset} in it
     */
    public Nested wordAsScriptAt(int offset) {
        return nestedAt(offset, true);
    }

    private Nested nestedAt(int offset, boolean anyWord) {
        ShellCommand owner = this;
        int at = offset;
        for (int[] sub = substitutionAt(at); sub != null; sub = owner.substitutionAt(at)) {
            owner = parse(owner.text.substring(sub[0], sub[1]));
            at -= sub[0];
        }
        for (SimpleCommand command : owner.commands) {
            List<Word> words = command.words();
            for (int i = 0; i < words.size(); i++) {
                if (at >= words.get(i).start() && at < words.get(i).end()) {
                    int[] script = anyWord ? new int[] {i, i} : Wrappers.scriptWords(command, i);
                    return script == null ? null : owner.nestedIn(words, script, i, at);
                }
            }
        }
        return null;
    }

    /** The script of {@code words[script[0]..script[1]]}, joined by spaces, and where {@code at} in word {@code index} lands. */
    private Nested nestedIn(List<Word> words, int[] script, int index, int at) {
        StringBuilder joined = new StringBuilder();
        int inner = -1;
        for (int j = script[0]; j <= script[1]; j++) {
            Word w = words.get(j);
            if (j > script[0]) {
                joined.append(' ');
            }
            if (j <= index) {
                int before = ValueOffsets.map(text, quoting, w, j == index ? at : w.end(), null, true);
                if (before < 0) {
                    return null;
                }
                inner = joined.length() + before;
            }
            joined.append(w.value());
        }
        return new Nested(parse(joined.toString()), inner);
    }

    /**
     * Whether some command of the text, also inside a substitution, names a program that may read its arguments
     * or its input as shell code ({@link Wrappers#reparses}); false proves that every word and here-document here
     * reaches its program as data.
     */
    public boolean mayReparse() {
        return anyCommand(Wrappers::reparses);
    }

    /**
     * Whether some command of the text, also inside a substitution, names a program that joins its words into a
     * shell command line without the model following it ({@link Wrappers#joinsWords}: {@code parallel},
     * {@code tmux}, {@code screen}): a single-quoted word there loses its quotes before that shell reads it.
     */
    public boolean mayJoinWords() {
        return anyCommand(Wrappers::joinsWords);
    }

    private boolean anyCommand(Predicate<List<String>> test) {
        for (SimpleCommand c : commands) {
            if (test.test(c.values())) {
                return true;
            }
        }
        for (ShellCommand s : substitutions()) {
            if (s.anyCommand(test)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the character at {@code offset} is inside a backtick substitution, at any depth: the shell takes
     * one more level of {@code \\}, {@code \$} and {@code \`} away there, and a backtick ends it even inside quotes.
     */
    public boolean backquotedAt(int offset) {
        int[] sub = substitutionAt(offset);
        if (sub == null) {
            return false;
        }
        return sub[0] > 0 && text.charAt(sub[0] - 1) == '`'
                || parse(text.substring(sub[0], sub[1])).backquotedAt(offset - sub[0]);
    }

    /**
     * A position in the script a second shell parses.
     *
     * @param script the script, parsed
     * @param offset the offset in {@code script.text()}
     */
    public record Nested(ShellCommand script, int offset) {
    }

    private Word reparsedWordAt(int offset) {
        int[] sub = substitutionAt(offset);
        // a substitution's code is read for what it runs, not as part of the word around it
        return sub != null ? parse(text.substring(sub[0], sub[1])).reparsedWordAt(offset - sub[0])
                : reparsedWordIn(offset);
    }

    private int[] substitutionAt(int offset) {
        for (int[] r : substitutionRanges) {
            if (offset >= r[0] && offset < r[1]) {
                return r;
            }
        }
        return null;
    }

    /** The word of a top-level simple command holding {@code offset}, when a second shell parses it again. */
    private Word reparsedWordIn(int offset) {
        for (SimpleCommand command : commands) {
            List<Word> words = command.words();
            for (int i = 0; i < words.size(); i++) {
                Word w = words.get(i);
                if (offset >= w.start() && offset < w.end()) {
                    return reparsedWord(command, i) ? w : null;
                }
            }
        }
        return null;
    }

    private static boolean reparsedWord(SimpleCommand command, int index) {
        return Wrappers.scriptWords(command, index) != null;
    }

    /**
     * Where each character of {@code word}'s value comes from in {@link #text()}: the quotes, the escaping
     * backslashes and the {@code $} of {@code $'...'} are not among them. A reader that found something in a
     * value (a secret) uses it to point at the same characters in the text, quotes left in place.
     *
     * @param word one of this command's words
     * @return offsets in {@link #text()}, one per character of {@code word.value()}, increasing; {@code null}
     *         when the value holds a substitution ({@code $(...)}, backticks) or a parameter expansion the shell
     *         performs ({@code ${...}}), whose characters are copied as written; a {@code '${X}'},
     *         {@code \${X}} or {@code '$(cat f)'} the shell passes as written has its offsets
     */
    public int[] valueOffsets(Word word) {
        return ValueOffsets.of(text, quoting, word);
    }

    /**
     * Where each character of {@code word}'s value comes from in {@link #text()}, for a word holding expansions too:
     * as {@link #valueOffsets}, the characters of each expansion the shell performs ({@code $NAME}, {@code ${...}},
     * {@code $(...)}, backticks) mapped one to one onto the text they are copied from, and marked as such. A reader
     * that found a secret around an expansion ({@code -pPrefix9${PW}}) uses it to point at the literal characters.
     *
     * @param word one of this command's words
     * @return null when an expansion in it cannot be read (a {@code ${...}} never closed or longer than the model
     *         reads)
     */
    public WrittenValue writtenValue(Word word) {
        return ValueOffsets.written(text, quoting, expanded, substitutionRanges, word);
    }

    /** The simple commands written in the text, in order; those inside {@code $(...)} are not among them. */
    public List<SimpleCommand> commands() {
        return commands;
    }

    /**
     * The code of each outermost command substitution ({@code $(...)}, backticks) in the words of the text,
     * parsed on each call; offsets are relative to that code. Those nested deeper are the substitutions of these.
     */
    public List<ShellCommand> substitutions() {
        List<ShellCommand> out = new ArrayList<>(substitutionRanges.size());
        for (int[] r : substitutionRanges) {
            out.add(parse(text.substring(r[0], r[1])));
        }
        return out;
    }

    /**
     * The offset in {@link #text()} of the code of each of {@link #substitutions()}, in the same order, which is the
     * text's: ascending, so a reader of one word finds its own by a binary search.
     */
    public List<Integer> substitutionStarts() {
        return substitutionStarts;
    }
}
