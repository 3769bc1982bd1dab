package dev.incidentconsole.runbook;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a command written as inline code in prose as a step: alert runbooks (prometheus-operator's) give their
 * diagnosis as {@code - Check pod events via `kubectl -n $NAMESPACE describe pod $POD`.} and no code block.
 *
 * <p>Conservative, since most inline code is a name, a flag, a path or a setting: a span counts only when it is
 * in a list item (not of a symptom, cause, reference, prevention or escalation section), or in a paragraph of a
 * diagnosis, resolution, verification or rollback section; it is written as an instruction (it ends its item or
 * sentence, or follows a colon, "via", "using", "run"), not mentioned in passing ("when running `...`", "if ...
 * running `...`"), warned against ("do not run `...`", "never execute `...`"), asked about ("did you run `...`?")
 * or quoted after a label ("Logs show: `...`"); its first word (past {@code sudo}) is a program common at a root prompt
 * ({@link ShellPrompt#wellKnown}), or any program name when the span is ordered ("run `...`") or introduced (a
 * colon, "via", the whole item) and holds an option or a path ({@link #command(String, Placement)}); it is one
 * line holding a whole command, the program and at least one more word, with no elision ({@code ...}) and no bracketed name ({@code systemctl status [SERVICE_NAME]}: filled in as written
 * it would run a glob); and the shell model reads it as one complete simple command or pipeline naming
 * that program. Each such span becomes a {@link Step} of its own, read by {@link ShellSplitter} as a one-line block,
 * so placeholders ({@code $NAMESPACE}) and danger are judged as for a fenced command.
 *
 * <p>Cheap for prose without such spans: a span is parsed only when its first word is a known program, or it is
 * introduced or ordered as a command.
 */
final class InlineCommands {

    private static final int MAX_CHARS = 400;
    /** How far into a paragraph the line of a span is looked for; a wrapped span is not found and keeps its start. */
    private static final int MAX_PARAGRAPH_LINES = 40;
    /** Words that introduce the command to run: "check the pod via `kubectl ...` and ...". */
    private static final Set<String> INTRODUCERS = Set.of("via", "using", "try");
    /** Words that order the command run: "run `thanos tools bucket retention` to ...". */
    private static final Set<String> ORDERS = Set.of("run", "execute");
    /** Words before "running" that make the span a condition, not an instruction: "when running `kubectl ...`". */
    private static final Set<String> CONDITIONS = Set.of("when", "while", "after", "before", "since");
    /** Words that make the clause before a span a warning: "do not run `pg_ctl promote ...` on the old primary". */
    private static final Set<String> NEGATIONS = Set.of("not", "never", "don't", "dont", "doesn't", "avoid",
            "without", "shouldn't", "mustn't", "cannot", "can't", "won't", "neither", "nor");
    /** A negation right before a comma: "do not, under any circumstances, run". */
    private static final Pattern SUSPENDED = Pattern.compile("(?<![a-z'])(" + String.join("|", NEGATIONS) + ")\\s*,");
    /** Words before such a negation that make it the end of a condition: "if not,", "ready or not,". */
    private static final Set<String> CONDITION_ENDS = Set.of("if", "or", "whether", "than", "why", "probably", "hopefully");
    /** First words of a sentence opening with a condition, whose first comma ends it: "If it did not, run". */
    private static final Set<String> CONDITION_OPENERS = Set.of("if", "unless", "when", "whether");
    /** Verbs that, after a negation, make it forbid an order: "that you must not run:". */
    private static final Set<String> ORDER_VERBS = Set.of("run", "execute", "use", "type");
    /** A conjunction joining another act to the sentence. */
    private static final Pattern CONJUNCTION = Pattern.compile("\\b(?:and|but|then|instead|or)\\b");
    /** Words that open a relative or subordinate clause: a negation after one describes, it does not forbid. */
    private static final Set<String> RELATIVES = Set.of("that", "which", "who", "whose", "where", "whether", "if",
            "unless", "until", "once", "because", "whenever");
    /** Words that compare or assign in a setting or a query, never an argument of a command run from prose. */
    private static final Set<String> OPERATORS = Set.of("=", "==", "!=", "=~", "!~", ">=", "<=");
    /** Where a clause of a sentence ends: a comma, or a conjunction joining another act. */
    private static final Pattern CLAUSE_BREAK = Pattern.compile(",|\\b(?:and|but|then|instead|or)\\b");
    // compiled once: String.split and String.matches compile their regex on every call
    private static final Pattern HAS_LETTER = Pattern.compile("(?s).*[a-z].*");
    private static final Pattern NON_LETTERS = Pattern.compile("[^a-z']+");
    private static final Pattern BLANKS = Pattern.compile("\\s+");
    /** Last words before a colon that label a quoted log line or message: "Logs show: `panic -- ...`". */
    private static final Set<String> LABELS = Set.of("log", "logs", "error", "errors", "message", "messages",
            "output", "line", "lines", "show", "shows", "say", "says", "read", "reads", "print", "prints", "report",
            "reports", "return", "returns", "contain", "contains");
    /** First words of a clause that order something, so a label after them is its object: "Check error logs:". */
    private static final Set<String> IMPERATIVES = Set.of("check", "look", "see", "search", "inspect", "view", "read",
            "tail", "run", "try", "use", "list", "get", "find", "watch", "grep", "follow", "stream", "open", "print",
            "show", "collect", "dump", "fetch", "review", "verify", "confirm", "examine", "query");
    /** Orders to check a state, whose answer a command after a colon gives: "Check migration status:". */
    private static final Set<String> CHECKS = Set.of("check", "verify", "confirm", "inspect", "list", "get", "query",
            "examine", "show", "print", "dump", "fetch", "collect", "find", "determine", "identify");
    /**
     * Programs that answer a check with two words and no option ("Check migration status: `alembic current`"):
     * after a check-colon any other two words are more often the text to look for ("`active running`").
     */
    private static final Set<String> STATE_PROGRAMS = Set.of("alembic", "repmgr", "patronictl");
    /** Words ending a label whose object the span after the colon is: "Search for:", "Look like:". */
    private static final Set<String> PREPOSITIONS = Set.of("for", "like", "as", "with", "of", "about", "to", "in",
            "on", "containing", "matching");
    /** A name in brackets ({@code [SERVICE_NAME]}), not an index ({@code ${a[i]}}) or a glob ({@code [k]ubelet}). */
    private static final Pattern BRACKETED_NAME = Pattern.compile("(?<![\\w$}\\]])\\[[A-Za-z][A-Za-z0-9_-]*](?![\\w\\[])");
    /** Sections that describe or point, where a listed command is an observation, not a step. */
    private static final Set<SectionKind> NO_STEPS = Set.of(SectionKind.SYMPTOM, SectionKind.CAUSE,
            SectionKind.REFERENCE, SectionKind.PREVENTION, SectionKind.ESCALATION);
    private static final Set<SectionKind> PROSE_KINDS = Set.of(SectionKind.DIAGNOSIS, SectionKind.RESOLUTION,
            SectionKind.VERIFICATION, SectionKind.ROLLBACK);

    private InlineCommands() {
    }

    /**
     * The steps the inline code of {@code block} holds, in order, each with the index of its span in the block's
     * inlines ({@link Block.Code#span()}), for a block of a section of {@code kind}; empty
     * when it is not prose of a list item or of a procedure part, or holds no whole command. {@code source} gives
     * each step the line its code is on, in a paragraph of several lines.
     */
    static List<Block.Code> steps(Block block, SectionKind kind, SourceLines source) {
        if (!(block instanceof Block.Text text) || !readable(text.type(), kind)) {
            return List.of();
        }
        List<Block.Code> out = List.of();
        List<Inline> inlines = text.inlines();
        for (int k = 0; k < inlines.size(); k++) {
            Inline inline = inlines.get(k);
            if (inline.style() == Inline.Style.CODE && command(inline.text(), placement(inlines, k))) {
                String code = inline.text().strip();
                int line = lineOf(code, text.line(), source);
                List<Command> commands = ShellSplitter.split(code, line, "");
                if (commands.size() == 1) {
                    if (out.isEmpty()) {
                        out = new ArrayList<>(2);
                    }
                    out.add(new Block.Code(new Step(line, "", true, code, commands), k));
                }
            }
        }
        return out;
    }

    /**
     * How the span at {@code k} is written: mentioned in passing ("when running a `kubectl get pods` command, ...",
     * in the middle of a sentence), at the end of its sentence only ("..., checked by `etcdutl snapshot restore`."),
     * or introduced as the thing to do: after a colon, after "via", "using", "try", or the whole item; after "run" or
     * "execute" it is an order. A line break is text like a space: what ends the sentence is the next real words.
     */
    static Placement placement(List<Inline> inlines, int k) {
        String before = k > 0 ? inlines.get(k - 1).text().stripTrailing() : "";
        String sentence = sentenceBefore(inlines, k);
        if (condition(before) || warning(sentence) || asked(inlines, k) || labelled(sentence)) {
            return Placement.PASSING;
        }
        int space = before.lastIndexOf(' ');
        String word = before.substring(space + 1).toLowerCase(Locale.ROOT);
        if (ORDERS.contains(word)) {
            return Placement.ORDERED;
        }
        String after = "";
        for (int j = k + 1; j < inlines.size() && after.isEmpty(); j++) {
            after = inlines.get(j).text().strip();
        }
        boolean endsSentence = after.isEmpty() || after.charAt(0) == '.' || after.charAt(0) == ';'
                || after.charAt(0) == ')' && after.length() > 1 && ".;".indexOf(after.charAt(1)) >= 0;
        if (before.endsWith(":") && checkOrder(sentence)) {
            return Placement.CHECKED;
        }
        if (before.endsWith(":") || INTRODUCERS.contains(word) || before.isBlank() && endsSentence) {
            return Placement.INTRODUCED;
        }
        return endsSentence ? Placement.ENDS_SENTENCE : Placement.PASSING;
    }

    /** How a span stands in its prose, from weakest to strongest sign that it is a command to run. */
    enum Placement {
        /** In the middle of a sentence, or a condition ("when running `...`"): never a step. */
        PASSING,
        /** Ends its sentence or item, with no word introducing it: a step when its program is well known. */
        ENDS_SENTENCE,
        /** After a colon, "via", "using" or "try", or the whole item or paragraph. */
        INTRODUCED,
        /**
         * After a colon closing an order to check something ("Check migration status:"): as {@link #INTRODUCED},
         * and also a program {@link #STATE_PROGRAMS} names, though the span holds no option or path.
         */
        CHECKED,
        /** After "run" or "execute": an order. */
        ORDERED
    }

    /** The text of the span's sentence before it, lower case, curly apostrophes made straight, other spans as "`". */
    private static String sentenceBefore(List<Inline> inlines, int k) {
        StringBuilder text = new StringBuilder();
        for (int j = 0; j < k; j++) {
            // another span stands as a mark: its words ("rm /not-here") are not the sentence's
            text.append(inlines.get(j).style() == Inline.Style.CODE ? "`" : inlines.get(j).text());
        }
        String lower = text.toString().toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        int end = -1;
        for (int i = 0; i < lower.length() - 1; i++) {
            char c = lower.charAt(i);
            // a full stop ends a sentence only before a space: "/var/lib/x.conf" and "v1.2" do not
            if ((c == '.' || c == '!' || c == '?' || c == ';') && Character.isWhitespace(lower.charAt(i + 1))) {
                end = i;
            }
        }
        return lower.substring(end + 1).strip();
    }

    /**
     * Whether the sentence before a span warns against it: its clause (after the last comma, "and", "but", "then")
     * holds a negation ("Do NOT execute `patronictl failover --force`", "If unsure, never run `...`"), or the
     * sentence opens with a negation set off by a comma ("Never, even under load, run `...`"). A negation in an
     * earlier clause is a condition or another act: "If it is not ready, run", "choose to not restart it and just run".
     */
    private static boolean warning(String sentence) {
        String[] clauses = CLAUSE_BREAK.split(sentence, -1);
        int last = clauses.length - 1;
        while (last > 0 && !HAS_LETTER.matcher(clauses[last]).matches()) {
            last--; // "never run `a` or `b`": the clause of `b` is the one before its "or"
        }
        String[] words = NON_LETTERS.split(clauses[last]);
        boolean relative = false;
        for (int i = 0; i < words.length; i++) {
            relative |= RELATIVES.contains(words[i]);
            // "pods that are not ready: `...`": a negation in a relative clause that labels the span describes what
            // the command shows; "until it is fenced do not run `...`" forbids it
            if (NEGATIONS.contains(words[i]) && !(relative && sentence.endsWith(":")
                    && Arrays.stream(words, i + 1, words.length).noneMatch(ORDER_VERBS::contains))) {
                return true;
            }
        }
        return suspended(sentence);
    }

    /**
     * Whether a negation stands before a comma with its verb still to come, so the commas set off an aside and the
     * negation governs the order after it: "Do not, under any circumstances, run", "You must not, even under load,
     * execute". Not when the negation ends a condition ("If not, run", "ready or not,", "more often than not,"), nor
     * when a conjunction after it starts another act ("Never, ever, restart it, but run").
     */
    private static boolean suspended(String sentence) {
        Matcher m = SUSPENDED.matcher(sentence);
        String opening = sentence.substring(0, Math.max(0, sentence.indexOf(' ')));
        int firstComma = sentence.indexOf(',');
        while (m.find()) {
            if (CONDITION_OPENERS.contains(opening) && m.end() - 1 == firstComma) {
                continue; // "if it did not, run `...`": the negation ends the condition the sentence opens with
            }
            String before = sentence.substring(0, m.start(1)).strip();
            String previous = before.substring(before.lastIndexOf(' ') + 1);
            if (!CONDITION_ENDS.contains(previous) && !CONJUNCTION.matcher(sentence.substring(m.end())).find()) {
                return true;
            }
        }
        return false;
    }

    /** Whether the span is asked about, not ordered: "Did you run `x --y`?". */
    private static boolean asked(List<Inline> inlines, int k) {
        for (int j = k + 1; j < inlines.size(); j++) {
            String after = inlines.get(j).text().strip();
            if (!after.isEmpty()) {
                return after.charAt(0) == '?' || after.startsWith(")?");
            }
        }
        return false;
    }

    /**
     * Whether the span follows a colon that labels a quoted line ("Logs show: `panic -- ...`", "The message: `...`")
     * rather than an order whose object is a log ("Check error logs: `grep ERROR /var/log/api.log`").
     */
    private static boolean labelled(String sentence) {
        if (!sentence.endsWith(":")) {
            return false;
        }
        String clause = sentence.substring(0, sentence.length() - 1);
        clause = clause.substring(clause.lastIndexOf(',') + 1).strip();
        String[] words = NON_LETTERS.split(clause);
        if (words.length == 0 || !LABELS.contains(words[words.length - 1])) {
            return false;
        }
        return words.length == 1 || !IMPERATIVES.contains(words[0].isEmpty() && words.length > 1 ? words[1] : words[0]);
    }

    /**
     * Whether the colon before a span closes an order to check something, whose answer the span gives: "Check
     * migration status: `alembic current`", "Verify the replica: `patronictl list`". Not when what is checked is a
     * log or message the span may quote ("Check the message: `...`") or the label ends in a preposition, whose
     * object the span is ("Search for: `too many connections`"); "see" and "read" point at text, not a command.
     */
    private static boolean checkOrder(String sentence) {
        String clause = sentence.substring(0, sentence.length() - 1);
        clause = clause.substring(clause.lastIndexOf(',') + 1).strip();
        String[] words = NON_LETTERS.split(clause);
        int first = words.length > 1 && words[0].isEmpty() ? 1 : 0;
        if (words.length - first < 2 || !CHECKS.contains(words[first])) {
            return false;
        }
        String last = words[words.length - 1];
        return !LABELS.contains(last) && !PREPOSITIONS.contains(last);
    }

    /** Whether {@code before} ends "when running" or is a clause "if ... running": the span is a condition. */
    private static boolean condition(String before) {
        String lower = before.toLowerCase(Locale.ROOT);
        if (!lower.endsWith(" running") && !lower.equals("running")) {
            return false;
        }
        String[] words = BLANKS.split(lower);
        if (words.length > 1 && CONDITIONS.contains(words[words.length - 2])) {
            return true;
        }
        int clause = Math.max(Math.max(lower.lastIndexOf(','), lower.lastIndexOf('.')),
                Math.max(lower.lastIndexOf(':'), lower.lastIndexOf(';')));
        return lower.substring(clause + 1).stripLeading().startsWith("if ");
    }

    /** The first line from {@code from} on (a paragraph's few) that holds {@code code}; {@code from} if none. */
    private static int lineOf(String code, int from, SourceLines source) {
        for (int l = from; l >= 1 && l <= source.count() && l < from + MAX_PARAGRAPH_LINES; l++) {
            if (source.line(l).contains(code)) {
                return l;
            }
        }
        return from;
    }

    private static boolean readable(Block.TextType type, SectionKind kind) {
        return switch (type) {
            case BULLET, NUMBERED -> !NO_STEPS.contains(kind);
            case PARAGRAPH -> PROSE_KINDS.contains(kind);
            default -> false;
        };
    }

    /** Whether the inline code {@code code}, ending its sentence, is a whole command an engineer would run. */
    static boolean command(String code) {
        return command(code, Placement.ENDS_SENTENCE);
    }

    /**
     * Whether the inline code {@code code}, placed in its prose as {@code placement} says, is a whole command an
     * engineer would run. A program {@link ShellPrompt#wellKnown} names needs the span only to end its sentence.
     * Any other needs more, since prose quotes log messages and queries the same way ("**Message**: `released
     * orphaned lease`", "Metric/query: `max by (job) (...)`"): the span is ordered ("run `thanos tools bucket
     * retention`"), or it is introduced (after a colon, "via", the whole item) and the shell model reads an option
     * or a path among its arguments ({@code gds aws govuk-prod -l}, {@code watch du -sh /var/opt/data}).
     */
    static boolean command(String code, Placement placement) {
        if (placement == Placement.PASSING) {
            return false;
        }
        String t = code.strip();
        if (t.isEmpty() || t.length() > MAX_CHARS || t.indexOf('\n') >= 0 || t.contains("...") || t.contains("\u2026")
                || t.charAt(0) < 'a' || t.charAt(0) > 'z' || BRACKETED_NAME.matcher(t).find()) {
            return false;
        }
        int space = t.indexOf(' ');
        if (space < 0) {
            return false; // a single word names a program, it does not run one
        }
        String first = t.substring(0, space);
        if ("sudo".equals(first)) {
            int next = t.indexOf(' ', space + 1);
            first = next < 0 ? t.substring(space + 1) : t.substring(space + 1, next);
        }
        boolean known = ShellPrompt.wellKnown(first);
        if (!known && (placement == Placement.ENDS_SENTENCE || !programName(first))) {
            return false;
        }
        ShellWords.Parsed parsed = ShellWords.parse(t);
        if (!parsed.complete() || parsed.segments().isEmpty()) {
            return false;
        }
        ShellWords.Segment head = parsed.segments().get(0);
        // the program is the span's first word, or the one a wrapper it starts with runs (watch du -sh /var)
        boolean names = first.equals(head.name()) || head.program() > 0 && !head.name().isEmpty()
                && head.words().get(0).value().equals(t.substring(0, space));
        if (head.nested() || !names || head.args().size() < 2) {
            return false;
        }
        if (!known && head.args().stream().anyMatch(OPERATORS::contains)) {
            return false; // a setting or a query's comparison quoted in prose: `max_connections = 100`
        }
        return known || placement == Placement.ORDERED || placement == Placement.CHECKED && STATE_PROGRAMS.contains(first)
                || parsed.segments().stream().anyMatch(InlineCommands::optionOrPath);
    }

    /** A word a program is named by: lower-case letters, digits, {@code . _ + -}, no prose punctuation. */
    private static boolean programName(String word) {
        if (word.charAt(0) < 'a' || word.charAt(0) > 'z') {
            return false;
        }
        for (int i = 1; i < word.length(); i++) {
            char c = word.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '+' || c == '-')) {
                return false;
            }
        }
        return !word.endsWith(".");
    }

    /** Whether a simple command's arguments hold an option ({@code -l}, {@code --since=1h}) or a path. */
    private static boolean optionOrPath(ShellWords.Segment segment) {
        List<String> args = segment.args();
        for (int i = 1; i < args.size(); i++) {
            String a = args.get(i);
            if (a.length() > 1 && a.charAt(0) == '-' && (Character.isLetter(a.charAt(1)) || a.charAt(1) == '-')
                    || a.length() > 1 && (a.startsWith("/") || a.startsWith("./") || a.startsWith("~/"))) {
                return true;
            }
        }
        return false;
    }
}
