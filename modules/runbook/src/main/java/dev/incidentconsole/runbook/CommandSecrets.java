package dev.incidentconsole.runbook;

import static dev.incidentconsole.runbook.SecretClients.PROGRAMS;
import static dev.incidentconsole.runbook.SecretClients.programNamedAt;

import dev.incidentconsole.shell.Invocation;
import dev.incidentconsole.shell.Redirection;
import dev.incidentconsole.shell.Separator;
import dev.incidentconsole.shell.ShellCommand;
import dev.incidentconsole.shell.SimpleCommand;
import dev.incidentconsole.shell.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The secrets a command line gives as shell words, read on the shell model ({@link ShellCommand}) rather
 * than by patterns: client flags ({@code mysql -pX}, {@code redis-cli -a X}, {@code mongo/cqlsh -p X},
 * {@code sshpass -p X}, {@code ... login -p X}) with short-flag clusters understood, secret long flags
 * ({@code --password X}, {@code --token=X}), {@code NAME=value} words whose name is a secret's
 * ({@code PGPASSWORD=x psql}, {@code env}, {@code export}), {@code -u user:pass} (curl's, and its cookies, through
 * {@link CurlArgs}), {@code --from-literal=key=value} and the value echoed into {@code --password-stdin}; in
 * the command behind wrappers ({@code sudo}, {@code env}, {@code kubectl exec --}), in scripts
 * ({@code sh -c '...'}, {@code ssh host '...'}) and in command substitutions. A flag's meaning depends on the
 * program ({@code psql -p 5432} is a port), so each client's letters are its own.
 *
 * <p>This class finds the commands and invocations of a text (prose, wrappers, scripts, substitutions);
 * {@link ClientFlags} reads each invocation's flags, and {@link WordSpans} turns a value into the characters it
 * comes from: quotes stay around it, and a value whose characters sit in different quotings ({@code -p'a'"b"})
 * is masked with its quotes, so a mask never leaves a quote open.
 */
final class CommandSecrets {
    /** The next field of a form body or query string: {@code &user=}. */
    private static final Pattern NEXT_FIELD = Pattern.compile("&[A-Za-z_][\\w.-]*+=");
    /** Wrappers and scripts deeper than this are not looked into (the model bounds its own nesting too). */
    private static final int MAX_DEPTH = 4;
    /** How many programs named in one line of prose are read, each with the flags that follow it. */
    private static final int MAX_PROSE_PROGRAMS = 8;
    private final ShellCommand parsed;
    private final boolean prose;
    /** The command is as it ran: its placeholders were substituted, so a quoted {@code '<x>'} is a value. */
    private final boolean run;
    private final WordSpans spans;
    /** Whether a command of the text starts with, or in prose names, a program this reader knows. */
    private boolean sawProgram;

    private CommandSecrets(ShellCommand parsed, boolean prose, boolean run) {
        this.parsed = parsed;
        this.prose = prose;
        this.run = run;
        this.spans = new WordSpans(parsed, run);
    }

    /**
     * Adds to {@code spans} the command-line secrets of {@code text}, offsets shifted by {@code offset}.
     *
     * @param prose {@code text} is a line of free text, where a command may follow a prompt or words
     *              ({@code $ mysql -pX}, {@code ran: redis-cli -a X}): such a command is read from the first
     *              program named there
     */
    static void find(String text, int offset, SpanList spans, boolean prose) {
        find(ShellCommand.parse(text), offset, spans, prose, false);
    }

    /**
     * Adds to {@code spans} the command-line secrets of {@code parsed}'s text, offsets shifted by {@code offset}.
     *
     * @param run the command is as it ran, its placeholders substituted: a quoted placeholder shape is a value
     */
    static void find(ShellCommand parsed, int offset, SpanList spans, boolean prose, boolean run) {
        String text = parsed.text();
        CommandSecrets reader = new CommandSecrets(parsed, prose, run);
        reader.read(0);
        for (int[] r : reader.spans.ranges()) {
            spans.addAbsolute(offset + r[0], offset + r[1]);
        }
        if (!reader.sawProgram) {
            // Prose is not shell, and a pasted line may not be either: an apostrophe ("Couldn't connect: mysql -pX")
            // or a '#' ("Ticket #42: redis-cli -a X") before the command swallows it into a quote or a comment.
            // Read again from the program named.
            int at = programNamedAt(text);
            if (at > 0) {
                CommandSecrets again = new CommandSecrets(ShellCommand.parse(text.substring(at)), prose, run);
                again.read(0);
                for (int[] r : again.spans.ranges()) {
                    spans.addAbsolute(offset + at + r[0], offset + at + r[1]);
                }
            }
        }
    }

    /**
     * Where {@code c}'s commands start: its first word; in prose, each program this reader knows that it names
     * ("ran psql, then redis-cli -a X": {@code -a} is redis-cli's password, not psql's echo flag), or its first
     * word when it names none.
     */
    private List<Integer> starts(SimpleCommand c) {
        List<Word> words = c.words();
        boolean known = !words.isEmpty() && PROGRAMS.contains(words.get(0).basename());
        sawProgram |= known;
        if (!prose || words.isEmpty()) {
            return List.of(0);
        }
        List<Integer> starts = new ArrayList<>();
        // A program right after another is its wrapper's (sudo mysql), read with it; and a line is read a bounded
        // number of times, whatever it repeats.
        for (int k = 0, last = -2; k < words.size() && starts.size() < MAX_PROSE_PROGRAMS; k++) {
            if (PROGRAMS.contains(words.get(k).basename())) {
                sawProgram = true;
                if (k > last + 1) {
                    starts.add(k);
                }
                last = k;
            }
        }
        if (starts.isEmpty()) {
            starts.add(0);
        }
        return starts;
    }

    /** The secret ranges of {@code parsed}, in its text's offsets. */
    private List<int[]> of(ShellCommand inner, int depth) {
        return of(inner, depth, false);
    }

    /**
     * The secret ranges of {@code parsed}, in its text's offsets.
     *
     * @param secret the text is a command substitution standing in a secret's place ({@code -a "$(echo s3cret)"}):
     *               what its {@code echo} or {@code printf} writes is the secret
     */
    private List<int[]> of(ShellCommand inner, int depth, boolean secret) {
        CommandSecrets reader = new CommandSecrets(inner, false, run);
        reader.read(depth);
        if (secret) {
            // what each command writes makes the value, through a pipe too ($(echo c2Vj | base64 -d)), and so does
            // what a here-document or here-string gives it ($(cat <<EOF ... EOF))
            for (SimpleCommand c : inner.commands()) {
                reader.echoed(c, false);
                reader.fed(c, false);
            }
        }
        return reader.spans.ranges();
    }

    private void read(int depth) {
        List<SimpleCommand> commands = parsed.commands();
        for (int i = 0; i < commands.size(); i++) {
            SimpleCommand c = commands.get(i);
            for (Word w : c.assignments()) {
                assignment(w, false);
            }
            // In prose each program named is read with the words up to the next one: "restarted mongo and ran
            // psql -p 5432" gives mongo no -p.
            List<Integer> starts = starts(c);
            List<Invocation> invocations = new ArrayList<>();
            List<Integer> ends = new ArrayList<>();
            for (int k = 0; k < starts.size(); k++) {
                int end = k + 1 < starts.size() ? starts.get(k + 1) : c.words().size();
                invocations.add(c.invocationBetween(starts.get(k), end));
                ends.add(end);
            }
            for (Word w : c.words()) {
                // a script's NAME=value is read in the script, as the second shell does
                if (invocations.stream().noneMatch(inv -> inv.script() != null
                        && w.value().equals(inv.script().text()))) {
                    assignment(w, true);
                }
            }
            for (int k = 0; k < invocations.size(); k++) {
                invocation(commands, i, invocations.get(k), ends.get(k), depth);
            }
        }
        if (depth < MAX_DEPTH) {
            List<ShellCommand> inner = parsed.substitutions();
            List<Integer> starts = parsed.substitutionStarts();
            for (int k = 0; k < inner.size(); k++) {
                for (int[] r : of(inner.get(k), depth + 1, spans.secretSubstitution(starts.get(k)))) {
                    spans.ranges().add(new int[] {r[0] + starts.get(k), r[1] + starts.get(k)});
                }
            }
        }
    }

    /** The secrets of one program's invocation in command {@code i} of the text. */
    private void invocation(List<SimpleCommand> commands, int i, Invocation inv, int end, int depth) {
        SimpleCommand c = commands.get(i);
        List<Word> words = c.words().subList(0, end);
        int program = end - inv.words().size();
        if (inv.words().isEmpty()) {
            return;
        }
        // A line may start with the flag itself ("--password hunter2": output printing one argument a line);
        // no program's name starts with a dash.
        boolean flagFirst = words.get(program).value().startsWith("-");
        List<Word> args = words.subList(flagFirst ? program : program + 1, words.size());
        List<String> values = inv.args();
        ClientFlags.flags(args, spans);
        ClientFlags.client(inv.program(), args, values, spans);
        boolean stdinSecret = values.contains("--password-stdin") || values.contains("--with-token");
        // chpasswd reads user:password lines: the password is what follows each colon
        boolean userPass = inv.program().equals("chpasswd");
        if (stdinSecret || userPass || sudoReadsStdin(words.subList(0, program))) {
            if (i > 0 && commands.get(i - 1).separator() == Separator.PIPE) {
                echoed(commands.get(i - 1), userPass);
            }
            fed(c, userPass);
        }
        if (inv.script() != null && depth < MAX_DEPTH) {
            script(words.subList(program, words.size()), inv.script(), depth);
        }
    }

    /**
     * Whether the wrappers' words hold {@code sudo -S} (also in a cluster, or {@code --stdin}): it reads its password
     * from standard input.
     */
    private static boolean sudoReadsStdin(List<Word> wrappers) {
        boolean sudo = false;
        for (Word w : wrappers) {
            String v = w.value();
            sudo |= w.basename().equals("sudo");
            if (sudo && (v.equals("--stdin") || v.startsWith("-") && !v.startsWith("--") && v.indexOf('S') > 0)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code NAME=value} (an assignment, or a word of {@code env}, {@code export}...) naming a secret. In an
     * {@code argument} the value ends before an {@code &name=} that follows it: a form body or a query string
     * ({@code curl -d "password=x&user=ops"}).
     */
    private void assignment(Word w, boolean argument) {
        String v = w.value();
        int eq = v.indexOf('=');
        if (eq > 0 && isName(v, eq) && SecretRules.isSecretName(v.substring(0, eq), v.substring(eq + 1))) {
            Matcher next = argument ? NEXT_FIELD.matcher(v).region(eq + 1, v.length()) : null;
            spans.value(w, eq + 1, next != null && next.find() ? next.start() : v.length());
        }
    }

    /**
     * What echo or printf writes: into {@code docker login --password-stdin}, or as a substitution's secret value.
     *
     * @param userPass only what follows a word's first colon is the secret ({@code echo 'app:pw' | chpasswd})
     */
    private void echoed(SimpleCommand feeder, boolean userPass) {
        int first = starts(feeder).get(0);
        Invocation inv = first == 0 ? feeder.invocation() : feeder.invocationFrom(first);
        if (!inv.program().equals("echo") && !inv.program().equals("printf")) {
            return;
        }
        List<Word> words = feeder.words();
        List<Word> args = words.subList(words.size() - inv.words().size() + 1, words.size());
        boolean format = inv.program().equals("printf");
        for (int k = 0; k < args.size(); k++) {
            Word w = args.get(k);
            if (w.value().startsWith("-") && format) {
                continue;
            }
            // printf's format is the value only when nothing follows it ('%s\n' "$PW" writes the variable's value)
            if (format && k + 1 < args.size()) {
                format = false;
                continue;
            }
            format = false;
            int from = userPass ? w.value().indexOf(':') + 1 : 0;
            if (!w.value().startsWith("-") && (!userPass || from > 0)) {
                spans.value(w, from);
            }
        }
    }

    /**
     * What a here-document or here-string gives {@code c} on its standard input: the secret, when {@code c} reads one
     * there ({@code docker login --password-stdin <<EOF}) or makes a secret's value ({@code -p"$(cat <<EOF ...)"}).
     * A body that only names a variable the shell expands stays.
     *
     * @param userPass the input is {@code user:password} lines ({@code chpasswd}): what follows each colon is secret
     */
    private void fed(SimpleCommand c, boolean userPass) {
        for (Redirection r : c.redirections()) {
            if (r.operator().equals("<<<") && r.target() != null) {
                int colon = userPass ? r.target().value().indexOf(':') : -1;
                if (!userPass || colon > 0) {
                    spans.value(r.target(), colon + 1);
                }
            } else if (userPass && r.body() != null && r.bodyStart() >= 0) {
                int at = r.bodyStart();
                for (String line : r.body().split("\n", -1)) {
                    int colon = line.indexOf(':');
                    if (colon > 0 && colon + 1 < line.stripTrailing().length()) {
                        spans.add(at + colon + 1, at + line.stripTrailing().length());
                    }
                    at += line.length() + 1;
                }
            } else if (r.body() != null && r.bodyStart() >= 0) {
                String body = r.body().strip();
                int at = r.bodyStart() + r.body().indexOf(body);
                if (!body.isEmpty() && !(r.expanding() && SpanList.isVariable(body))) {
                    spans.add(at, at + body.length());
                }
            }
        }
    }

    /**
     * The secrets of the script a shell or ssh runs, read on its own model and brought back to this text: the
     * script is one word's value ({@code sh -c '...'}) or words joined by spaces ({@code ssh host a b}).
     */
    private void script(List<Word> words, ShellCommand script, int depth) {
        String text = script.text();
        int[] map = null;
        int suffix = -1; // the length of words k.. joined by spaces: only a suffix of the script's length is tried
        for (int k = words.size() - 1; k > 0 && map == null; k--) {
            String v = words.get(k).value();
            suffix += v.length() + 1;
            if (v.length() == text.length() && v.equals(text)) {
                map = joined(words.subList(k, k + 1), text); // sh -c 'script' name args
            } else if (suffix == text.length()) {
                map = joined(words.subList(k, words.size()), text); // ssh host a b c
            }
        }
        if (map == null) {
            return;
        }
        for (int[] r : of(script, depth + 1)) {
            int a = map[r[0]];
            int b = map[r[1] - 1];
            if (a >= 0 && b >= a) {
                spans.add(a, b + 1);
            }
        }
    }

    /** For each character of {@code text}, its offset in this text, when {@code text} is {@code words} joined. */
    private int[] joined(List<Word> words, String text) {
        int[] map = new int[text.length()];
        int at = 0;
        for (Word w : words) {
            String v = w.value();
            if (at > 0) {
                if (at >= text.length() || text.charAt(at) != ' ') {
                    return null;
                }
                map[at++] = -1;
            }
            int[] offsets = parsed.valueOffsets(w);
            if (offsets == null || !text.startsWith(v, at)) {
                return null;
            }
            System.arraycopy(offsets, 0, map, at, offsets.length);
            at += v.length();
        }
        return at == text.length() ? map : null;
    }

    private static boolean isName(String v, int end) {
        for (int k = 0; k < end; k++) {
            char c = v.charAt(k);
            boolean letter = c == '_' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
            if (!letter && !(k > 0 && c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }
}
