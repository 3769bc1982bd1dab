package dev.incidentconsole.runbook;

import static dev.incidentconsole.runbook.SecretClients.DASH_P;
import static dev.incidentconsole.runbook.SecretClients.MYSQL;
import static dev.incidentconsole.runbook.SecretClients.PROGRAMS;
import static dev.incidentconsole.runbook.SecretClients.REDIS;
import static dev.incidentconsole.runbook.SecretClients.SECRET_FLAG;
import static dev.incidentconsole.runbook.SecretClients.USER_FLAGS;
import static dev.incidentconsole.runbook.SecretClients.isProse;
import static dev.incidentconsole.runbook.SecretClients.programNamedAt;

import dev.incidentconsole.shell.CurlArgs;
import dev.incidentconsole.shell.Flags;
import dev.incidentconsole.shell.Invocation;
import dev.incidentconsole.shell.Quoting;
import dev.incidentconsole.shell.Separator;
import dev.incidentconsole.shell.ShellCommand;
import dev.incidentconsole.shell.SimpleCommand;
import dev.incidentconsole.shell.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

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
 * <p>The span is the value's characters in the text: quotes stay around it, and a value whose characters sit
 * in different quotings ({@code -p'a'"b"}) is masked with its quotes, so a mask never leaves a quote open.
 */
final class CommandSecrets {
    /** Wrappers and scripts deeper than this are not looked into (the model bounds its own nesting too). */
    private static final int MAX_DEPTH = 4;
    /** How many programs named in one line of prose are read, each with the flags that follow it. */
    private static final int MAX_PROSE_PROGRAMS = 8;
    private final ShellCommand parsed;
    private final boolean prose;
    /** The command is as it ran: its placeholders were substituted, so a quoted {@code '<x>'} is a value. */
    private final boolean run;
    private final List<int[]> out = new ArrayList<>();
    /** Whether a command of the text starts with, or in prose names, a program this reader knows. */
    private boolean sawProgram;

    private CommandSecrets(ShellCommand parsed, boolean prose, boolean run) {
        this.parsed = parsed;
        this.prose = prose;
        this.run = run;
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
        for (int[] r : reader.out) {
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
                for (int[] r : again.out) {
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
        CommandSecrets reader = new CommandSecrets(inner, false, run);
        reader.read(depth);
        return reader.out;
    }

    private void read(int depth) {
        List<SimpleCommand> commands = parsed.commands();
        for (int i = 0; i < commands.size(); i++) {
            SimpleCommand c = commands.get(i);
            for (Word w : c.assignments()) {
                assignment(w);
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
                    assignment(w);
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
                for (int[] r : of(inner.get(k), depth + 1)) {
                    out.add(new int[] {r[0] + starts.get(k), r[1] + starts.get(k)});
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
        flags(args);
        client(inv.program(), args, values);
        if (values.contains("--password-stdin") && i > 0 && commands.get(i - 1).separator() == Separator.PIPE) {
            echoed(commands.get(i - 1));
        }
        if (inv.script() != null && depth < MAX_DEPTH) {
            script(words.subList(program, words.size()), inv.script(), depth);
        }
    }

    /** {@code NAME=value} (an assignment, or a word of {@code env}, {@code export}...) naming a secret. */
    private void assignment(Word w) {
        String v = w.value();
        int eq = v.indexOf('=');
        if (eq > 0 && isName(v, eq) && SecretRules.isSecretName(v.substring(0, eq), v.substring(eq + 1))) {
            value(w, eq + 1);
        }
    }

    /** Secret long flags, {@code -u user:pass} and {@code --from-literal}, whatever the program. */
    private void flags(List<Word> args) {
        for (int k = 0; k < args.size(); k++) {
            Word w = args.get(k);
            String v = w.value();
            Word next = k + 1 < args.size() ? args.get(k + 1) : null;
            int eq = v.indexOf('=');
            String name = eq > 0 ? v.substring(0, eq) : v;
            if (v.startsWith("-") && SECRET_FLAG.matcher(name).matches()) {
                if (eq > 0) {
                    value(w, eq + 1);
                } else if (next != null && !next.value().startsWith("-") && (next.quoted() || !isProse(next.value()))) {
                    value(next, 0);
                }
            } else if (USER_FLAGS.contains(name)) {
                Word holder = eq > 0 ? w : next;
                userPassword(holder, eq > 0 ? eq + 1 : 0);
            } else if (v.startsWith("-u") && !v.startsWith("--")) {
                userPassword(w, 2);
            } else if (name.equals("--from-literal")) {
                Word holder = eq > 0 ? w : next;
                int from = eq > 0 ? eq + 1 : 0;
                int second = holder == null ? -1 : holder.value().indexOf('=', from);
                if (second > from) {
                    value(holder, second + 1);
                }
            }
        }
    }

    /** The clients whose short flags carry a password, each with its own letters. */
    private void client(String program, List<Word> args, List<String> values) {
        if (MYSQL.contains(program)) {
            shortFlag(args, values, 'p', "uhPSeD", true, false);
        } else if (REDIS.contains(program)) {
            shortFlag(args, values, 'a', "hpsunrid", false, false);
        } else if (DASH_P.contains(program)) {
            shortFlag(args, values, 'p', "uhHPVkfe", false, false);
        } else if (program.equals("sshpass")) {
            shortFlag(args, values, 'p', "fdP", false, true);
        } else if (program.equals("curl")) {
            CurlArgs curl = CurlArgs.parse(values);
            int at = CurlHolders.user(values, curl.user());
            if (at >= 0) {
                userPassword(args.get(at), values.get(at).length() - curl.user().length());
            }
            at = -1;
            for (String cookie : curl.cookies()) {
                at = CurlHolders.cookie(values, cookie, at + 1);
                if (at < 0) {
                    break;
                }
                int base = values.get(at).length() - cookie.length();
                Matcher pair = SecretRules.COOKIE_PAIR.matcher(cookie);
                while (cookie.indexOf('=') > 0 && pair.find()) { // without '=' it names a file
                    value(args.get(at), base + pair.start("v"), base + pair.end("v"));
                }
            }
        }
        // a login subcommand (docker login, helm registry login, az login), not a word such as ssh's -l login
        int login = values.indexOf("login");
        if (login >= 0 && login <= 1 && !values.get(0).startsWith("-")) {
            List<String> after = values.subList(login + 1, values.size());
            for (Flags.Value f : Flags.shortValues(after, 'p', "u", false, false)) {
                value(args.get(login + 1 + f.arg()), f.from());
            }
        }
    }

    private void shortFlag(List<Word> args, List<String> values, char letter, String valueLetters,
                           boolean attachedOnly, boolean stopAtOperand) {
        for (Flags.Value f : Flags.shortValues(values, letter, valueLetters, attachedOnly, stopAtOperand)) {
            value(args.get(f.arg()), f.from());
        }
    }

    /** {@code user:password} from {@code from} in {@code w}: the part after the first colon (not a URL's). */
    private void userPassword(Word w, int from) {
        if (w == null) {
            return;
        }
        String v = w.value();
        int colon = v.indexOf(':', from);
        if (colon < from || v.startsWith("//", colon + 1) || v.substring(from, colon).indexOf('/') >= 0) {
            return;
        }
        value(w, colon + 1);
    }

    /** {@code echo SECRET | docker login --password-stdin}: what echo or printf writes. */
    private void echoed(SimpleCommand feeder) {
        int first = starts(feeder).get(0);
        Invocation inv = first == 0 ? feeder.invocation() : feeder.invocationFrom(first);
        if (!inv.program().equals("echo") && !inv.program().equals("printf")) {
            return;
        }
        List<Word> words = feeder.words();
        for (Word w : words.subList(words.size() - inv.words().size() + 1, words.size())) {
            if (!w.value().startsWith("-")) {
                value(w, 0);
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
                add(a, b + 1);
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

    /** The value of {@code w} from index {@code from} on, as a range of this text. */
    private void value(Word w, int from) {
        value(w, from, w.value().length());
    }

    /** The characters {@code [from, to)} of {@code w}'s value, as a range of this text. */
    private void value(Word w, int from, int to) {
        if (from >= to || to > w.value().length()) {
            return;
        }
        int[] offsets = parsed.valueOffsets(w);
        if (offsets != null && !names(w, from, to, offsets)) {
            int a = offsets[from];
            // the backslash escaping its first character goes with it: "\\****" would read as an escaped '*'
            boolean escape = a > 0 && parsed.text().charAt(a - 1) == '\\' && (from == 0 || offsets[from - 1] < a - 1);
            add(escape ? a - 1 : a, offsets[to - 1] + 1);
        }
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
    private void add(int a, int b) {
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
