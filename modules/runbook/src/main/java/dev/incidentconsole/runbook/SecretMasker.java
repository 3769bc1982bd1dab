package dev.incidentconsole.runbook;

import dev.incidentconsole.shell.SimpleCommand;

import dev.incidentconsole.shell.ShellCommand;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;

/**
 * The one redactor of the application: finds the secrets in commands, command output, notes and health
 * reasons and masks them with {@value #MASK}, keeping what makes the text readable: the flag, variable,
 * key or header name, the user name, host and path of a URL, a vendor token's prefix, and the quotes
 * around a value ({@code --password='s3cr et'} becomes {@code --password='****'}).
 *
 * <p>Covered: passwords in URLs; {@code Authorization}, bearer, API-key and token headers; cookies;
 * {@code -u user:pass}; {@code NAME=value} where the name ends in a secret word (PGPASSWORD, MYSQL_PWD,
 * REDISCLI_AUTH, AWS_SECRET_ACCESS_KEY, AccountKey, {@code --password=}, query parameters such as
 * {@code token=}, {@code api_key=}, {@code sig=}); secret flags followed by a value ({@code --password x},
 * {@code --token x}); client flags ({@code mysql -pX}, {@code redis-cli -a X}, {@code mongo/cqlsh -p X},
 * {@code sshpass -p X}, {@code ... login -p X}, the value echoed into {@code --password-stdin}), which are
 * shell grammar and are read on the shell model ({@link CommandSecrets}), behind wrappers and in scripts; netrc
 * lines; JSON and YAML keys naming a secret; cloud access key ids; vendor-prefixed tokens (GitHub,
 * GitLab, Slack, Stripe, OpenAI, Google, npm, Vault ...); JWTs; private key blocks; and every literal
 * value given to {@link #withSecrets}. A value that is a shell variable or a placeholder
 * ({@code $PGPASSWORD}, {@code <password>}) is left as written: it names the secret, it is not one. What only
 * looks like one is masked: the shell passes {@code '$R3disPw'} and {@code \$R3disPw} as written (so does a
 * single-quoted value in free text), and in a command as it ran ({@link #maskRunCommand}) a quoted
 * {@code '<x>'} is a value typed for a placeholder.
 *
 * <p>A command's text is masked with {@link #maskCommand} as a runbook writes it (the command on screen), and
 * with {@link #maskRunCommand} as it ran (timeline steps, run logs' command line): its shell words are read on
 * one model of the whole command. Other text is masked with {@link #mask}, which reads a line as a command only
 * when it holds a client's name or a secret word.
 *
 * <p>Masking is idempotent. Immutable and thread-safe; linear in the text, and lines holding none of the
 * rules' guard words cost only a lower-casing pass.
 */
public final class SecretMasker {
    /** What a secret is replaced with. */
    public static final String MASK = "****";

    /** Shorter literal secrets would mask ordinary words; they are ignored. */
    public static final int MIN_SECRET_LENGTH = 3;

    private static final SecretMasker STANDARD = new SecretMasker(List.of());

    private final List<String> literals;

    /**
     * A secret's place in a text.
     *
     * @param start index of its first character
     * @param end   index after its last character
     */
    public record Span(int start, int end) {
    }

    private SecretMasker(List<String> literals) {
        this.literals = literals;
    }

    /** The built-in rules only. */
    public static SecretMasker standard() {
        return STANDARD;
    }

    /**
     * The built-in rules plus literal values known to be secret (e.g. resolved vault values), masked
     * wherever they appear. Values shorter than {@value #MIN_SECRET_LENGTH} characters and nulls are ignored.
     */
    public SecretMasker withSecrets(Collection<String> secrets) {
        List<String> all = new ArrayList<>(literals);
        for (String s : secrets) {
            if (s != null && s.length() >= MIN_SECRET_LENGTH && !all.contains(s)) {
                all.add(s);
            }
        }
        all.sort(Comparator.comparingInt(String::length).reversed());
        return new SecretMasker(List.copyOf(all));
    }

    /**
     * This masker plus the secret values written in {@code command} ({@code -a X}, {@code PGPASSWORD=X}, a URL's
     * password...), for the command's output: a tool that prints its own password back ({@code CONFIG GET
     * requirepass}, {@code echo $PGPASSWORD}) prints it bare, where no rule could tell it from other text.
     *
     * @param command the text the shell runs; null or without secrets gives this masker
     */
    public SecretMasker forCommand(String command) {
        List<String> values = new ArrayList<>();
        for (Span s : findInRunCommand(command)) {
            String written = command.substring(s.start(), s.end());
            values.add(written.replaceAll("^['\"]+|['\"]+$", ""));
            values.add(asPrinted(written));
        }
        return values.isEmpty() ? this : withSecrets(values);
    }

    /**
     * A secret as the shell hands it to the program, so as the program prints it: {@code "pa\$\$w0rd"} is
     * {@code pa$$w0rd}, {@code pass'w'ord} is {@code password}. The written text when it is not one whole word.
     */
    private static String asPrinted(String written) {
        List<SimpleCommand> commands = ShellCommand.parse(written).commands();
        if (commands.size() != 1 || commands.get(0).words().size() != 1 || !commands.get(0).assignments().isEmpty()) {
            return written;
        }
        return commands.get(0).words().get(0).value();
    }

    /**
     * Where the secrets of {@code text} are, in text order, never overlapping. The text is free text (command
     * output, a note, a reason): each line is read by the patterns, and a line that may hold a command-line form
     * ({@code mysql -pX}, {@code --password X}) is also read as a shell command, on its own and with the lines it
     * continues onto when it ends in a backslash or a pipe, or opens a here-document (up to its delimiter line).
     *
     * @param text any text; null or empty has none
     */
    public List<Span> find(String text) {
        return find(text, false);
    }

    /**
     * Where the secrets of a shell command are: those {@link #find} sees, and those its shell words give, read
     * on the whole command's model (lines joined by a backslash, the command behind {@code sudo}, {@code env} or
     * {@code kubectl exec --}, scripts of {@code sh -c '...'} and {@code ssh host '...'}, short-flag clusters),
     * each client's flags read as that client means them ({@code psql -p 5432} is a port).
     *
     * @param command a command's text, possibly several lines; null or empty has none
     */
    public List<Span> findInCommand(String command) {
        return find(command, true, false);
    }

    /**
     * Where the secrets of a shell command as it ran are: those {@link #findInCommand} sees, and the values typed
     * for its placeholders that the substitution quoted ({@code redis-cli -a '<x>'} ran with the value
     * {@code <x>}); a placeholder left unquoted is still a name.
     *
     * @param command the text the shell ran, placeholders substituted; null or empty has none
     */
    public List<Span> findInRunCommand(String command) {
        return find(command, true, true);
    }

    /** {@code command} (a shell command's text) with every secret {@link #findInCommand} finds masked; null stays null. */
    public String maskCommand(String command) {
        return apply(command, findInCommand(command));
    }

    /**
     * {@code command} (the text a shell ran, timeline steps and run logs) with every secret {@link #findInRunCommand}
     * finds masked; null stays null.
     */
    public String maskRunCommand(String command) {
        return apply(command, findInRunCommand(command));
    }

    private List<Span> find(String text, boolean command) {
        return find(text, command, false);
    }

    private List<Span> find(String text, boolean command, boolean run) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        ShellCommand shell = command ? ShellCommand.parse(text) : null;
        SpanList spans = new SpanList(shell, run);
        for (String literal : literals) {
            for (int at = text.indexOf(literal); at >= 0; at = text.indexOf(literal, at + literal.length())) {
                spans.addAbsolute(at, at + literal.length());
            }
        }
        if (text.contains("PRIVATE KEY")) {
            Matcher m = SecretRules.PEM.matcher(text);
            while (m.find()) {
                keyBody(text, m.start("body"), m.end("body"), spans);
            }
        }
        if (command) {
            CommandSecrets.find(shell, 0, spans, false, run);
        }
        int start = 0;
        int continued = -1; // where a command continued over lines began, in free text
        ContinuedLines join = command ? null : new ContinuedLines();
        while (start <= text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl;
            String line = text.substring(start, end);
            String lower = line.toLowerCase(Locale.ROOT);
            SecretRules.findInLine(line, lower, start, spans);
            if (!command) {
                int from = continued < 0 ? start : continued;
                // each line is read on its own too: a line a wrong guess joined to the one before is still a command
                if (SecretClients.mayHold(lower)) {
                    CommandSecrets.find(line, start, spans, true);
                }
                if (nl >= 0 && join.goesOn(line, () -> text.substring(from, end), end - from)) {
                    continued = from;
                } else {
                    if (from != start && SecretClients.mayHold(text.substring(from, end).toLowerCase(Locale.ROOT))) {
                        CommandSecrets.find(text.substring(from, end), from, spans, true);
                    }
                    continued = -1;
                }
            }
            if (nl < 0) {
                break;
            }
            start = nl + 1;
        }
        return spans.merged();
    }

    /**
     * Whether {@code name} marks its value as a secret ({@code password}, {@code db_password}, {@code token},
     * {@code PGPASSWORD}, {@code AccountKey}...): the names whose value {@link #mask} hides after {@code name=}, so
     * that a caller holding a name and its value apart (a step's placeholder values) can hide the whole value,
     * whatever it looks like ({@code $3cret}, {@code <x>}, {@code (x)} are not values the free-text forms read).
     * {@code pwd} with a value starting with {@code /} is the working directory, not a secret.
     *
     * @param name  the name as written, any case
     * @param value the value given to it; null reads as empty
     */
    public static boolean namesSecret(String name, String value) {
        return name != null && !name.isEmpty() && SecretRules.isSecretName(name, value == null ? "" : value);
    }

    /** {@code text} with every secret masked; null stays null. The text is read as free text: see {@link #find}. */
    public String mask(String text) {
        return apply(text, find(text));
    }

    /** {@code text} with each of {@code spans} replaced by {@value #MASK}; the same instance when there are none. */
    private static String apply(String text, List<Span> spans) {
        if (spans.isEmpty()) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        int last = 0;
        for (Span s : spans) {
            sb.append(text, last, s.start()).append(MASK);
            last = s.end();
        }
        return sb.append(text, last, text.length()).toString();
    }

    /**
     * A masker for text that arrives one line at a time (a run's output), which remembers across lines
     * that it is inside a private key block. One per stream; not thread-safe.
     */
    public LineMasker lines() {
        return new LineMasker(this);
    }

    /** Masks a stream of lines; see {@link #lines()}. */
    public static final class LineMasker {
        private final SecretMasker masker;
        private final ContinuedLines join = new ContinuedLines();
        private boolean inKey;
        /** The lines of a command that goes on (ending in a backslash or a pipe, or a here-document's body), or null. */
        private String continued;
        /** Whether {@link #continued} holds a guard word: only then is it read again with each new line. */
        private boolean continuedHolds;

        private LineMasker(SecretMasker masker) {
            this.masker = masker;
        }

        /** The line masked, a line inside a private key block replaced whole. */
        public String mask(String line) {
            return apply(line, find(line));
        }

        /**
         * Where the secrets of the stream's next line are: those {@link SecretMasker#find} sees in it, and those
         * it holds as the next line of a command continued from earlier lines ({@code mysql -h db \}, then
         * {@code -pX}); or, inside a private key block begun on an earlier line, the line itself (up to the
         * block's end).
         */
        public List<Span> find(String line) {
            String before = continued;
            List<Span> own = findAlone(line);
            String unit = before == null ? line : before + "\n" + line;
            boolean goesOn = join.goesOn(line, () -> unit, unit.length());
            continued = null;
            if (before == null && !goesOn) {
                return own;
            }
            // Lower-case the new line only: box-drawn output ends every row in '|', and re-reading the whole
            // unit for each row cost a hundred times the line's own work.
            boolean holds = before != null && continuedHolds || SecretClients.mayHold(line.toLowerCase(Locale.ROOT));
            continued = goesOn ? unit : null;
            continuedHolds = continued != null && holds;
            if (before == null || !holds) {
                return own;
            }
            SpanList spans = new SpanList();
            own.forEach(sp -> spans.addAbsolute(sp.start(), sp.end()));
            SpanList inUnit = new SpanList();
            CommandSecrets.find(unit, 0, inUnit, true);
            int shift = before.length() + 1;
            for (Span sp : inUnit.merged()) {
                spans.addAbsolute(Math.max(0, sp.start() - shift), sp.end() - shift);
            }
            return spans.merged();
        }

        private List<Span> findAlone(String line) {
            if (inKey) {
                int end = line.indexOf("-----END");
                inKey = end < 0;
                SpanList spans = new SpanList();
                keyBody(line, 0, end >= 0 ? end : line.length(), spans);
                return spans.merged();
            }
            if (line.contains("PRIVATE KEY")) {
                Matcher m = SecretRules.PEM.matcher(line);
                inKey = m.find() && !line.startsWith("-----END", m.end() - 8);
            }
            return masker.find(line);
        }
    }

    /** Adds a private key's body, {@code text[start, end)}, without the blank space around it, unless already masked. */
    private static void keyBody(String text, int start, int end, SpanList spans) {
        int s = start;
        int e = end;
        while (s < e && Character.isWhitespace(text.charAt(s))) {
            s++;
        }
        while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        if (!text.startsWith(MASK, s) || e - s != MASK.length()) {
            spans.addAbsolute(s, e);
        }
    }
}
