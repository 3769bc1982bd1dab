package dev.incidentconsole.runbook;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the values an engineer must fill in before a command can run.
 *
 * <p>Forms: {@code <pod-name>} (ANGLE, in any quoting, but not {@code <<EOF}, redirections, XML tags
 * closed in the same command, or words tools print such as {@code <none>} and {@code <unknown>}), and a
 * whole quoted value {@code '<"Used By:" field from above>'}; {@code {trace_id}} and {@code {{ namespace }}}
 * (BRACE, not inside single quotes, where braces belong to jq/awk; {@code {{ .Values.x }}} Helm values
 * count in any quoting, other Go templates only unquoted, since quoted ones are kubectl/docker output
 * templates); shell variables (DOLLAR, DOLLAR_BRACE, see {@link ShellVariables}); and upper-case values
 * such as {@code SUSPICIOUS_IP} (CAPS, see {@link CapsWords}).
 *
 * <p>Offsets refer to the command string given. Each command runs in a shell of its own, so only what the
 * command itself assigns, or what the caller says is set, is not a placeholder. Stateless and
 * thread-safe; never throws.
 */
public final class Placeholders {

    private static final String ANGLE_EDGES = " \t\n\"'=/:";
    private static final Pattern BRACE = Pattern.compile(
            "(?<![${\\w])\\{([A-Za-z_][A-Za-z0-9_.-]*)}(?!})|\\{\\{\\s*(\\.?[A-Za-z_][A-Za-z0-9_.]*)\\s*}}");
    /**
     * A whole quoted value written as {@code '<...>'} holding words and punctuation an angle placeholder does not
     * take ({@code '<"Used By:" field>'}); not a tag such as {@code '</config>'}.
     */
    private static final Pattern QUOTED_ANGLE = Pattern.compile(
            "'<([^<>'\\n/][^<>'\\n]{0,99})>'|\"<([^<>\"\\n/][^<>\"\\n]{0,99})>\"");
    /** What tools print for a missing value; a runbook greps for them, never asks for them. */
    private static final Set<String> PRINTED_WORDS = Set.of("none", "unknown", "nil", "pending", "invalid", "null",
            "empty", "missing", "redacted", "undefined", "not set", "no value", "n/a", "error");
    private static final Comparator<Placeholder> BY_START_THEN_LONGEST = (a, b) -> a.start() != b.start()
            ? Integer.compare(a.start(), b.start()) : Integer.compare(b.end(), a.end());
    private static final Set<String> TEMPLATE_WORDS = Set.of("end", "else", "range", "if", "with", "define", "template");

    private Placeholders() {
    }

    /**
     * The form in which placeholder names match a value's name: lower case, letters and digits only, without a
     * trailing {@code name}, so {@code <pod-name>}, {@code $POD_NAME}, {@code podName} and an alert's {@code pod}
     * label are one name ({@code <hostname>} is {@code host}; {@code name} alone stays {@code name}).
     */
    public static String nameKey(String name) {
        String key = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return key.length() > 4 && key.endsWith("name") ? key.substring(0, key.length() - 4) : key;
    }

    /** The placeholders of a command in order of appearance; empty for null or blank input. */
    public static List<Placeholder> find(String command) {
        return find(command, Set.of());
    }

    /**
     * Like {@link #find(String)}, with variables the caller knows are set in the shell that runs the command,
     * which are not placeholders. Each command of a runbook runs in a shell of its own, so a variable an
     * earlier command assigned does not belong here.
     */
    public static List<Placeholder> find(String command, Set<String> defined) {
        if (command == null || command.isBlank()) {
            return new ArrayList<>();
        }
        return find(command, defined, ShellWords.parse(command));
    }

    /** For callers that already parsed the command. */
    static List<Placeholder> find(String command, Set<String> defined, ShellWords.Parsed parsed) {
        return find(command, defined, parsed, assignedNames(parsed));
    }

    /** For callers that already parsed the command and have its {@link #assignedNames(ShellWords.Parsed)}. */
    static List<Placeholder> find(String command, Set<String> defined, ShellWords.Parsed parsed, Set<String> assigned) {
        List<Placeholder> found = new ArrayList<>();
        byte[] ctx = parsed.context();
        // the offsets where a placeholder was found: a later form does not take the same start again
        boolean[] taken = new boolean[command.length() + 1];
        quotedAngles(command, ctx, found, taken);
        angles(command, ctx, found, taken);
        braces(command, ctx, found, taken);
        Set<String> known = assigned;
        if (!defined.isEmpty()) {
            known = new HashSet<>(assigned);
            known.addAll(defined);
        }
        ShellVariables.find(command, parsed, known, found, taken);
        CapsWords.find(command, parsed, assigned, found, taken);
        if (found.size() < 2) {
            return found;
        }
        found.sort(BY_START_THEN_LONGEST);
        List<Placeholder> kept = new ArrayList<>(found.size());
        int end = -1;
        for (Placeholder p : found) {
            // SUSPICIOUS_IP inside <SUSPICIOUS_IP> is the same value: keep the outer one only
            if (p.start() >= end) {
                kept.add(p);
                end = p.end();
            }
        }
        return kept;
    }

    /** Names the command gives a value to itself, so that {@code $name} in it is not a placeholder. */
    static Set<String> assignedNames(ShellWords.Parsed parsed) {
        return ShellVariables.assignedNames(parsed);
    }

    private static void angles(String s, byte[] ctx, List<Placeholder> found, boolean[] taken) {
        if (s.indexOf('<') < 0) {
            return;
        }
        Set<String> closed = new HashSet<>();
        // closing tags </name>, by a scan: most "</" in commands are a </dev/null, where a regex matcher was made
        for (int at = s.indexOf("</"); at >= 0; at = s.indexOf("</", at + 1)) {
            if (at + 2 < s.length() && isAsciiLetter(s.charAt(at + 2))) {
                int end = skipAngleChars(s, at + 3);
                if (end < s.length() && s.charAt(end) == '>') {
                    closed.add(s.substring(at + 2, end));
                    at = end;
                }
            }
        }
        for (int at = s.indexOf('<'); at >= 0; ) {
            int end = angleEnd(s, at);
            if (end < 0) {
                at = s.indexOf('<', at + 1);
                continue;
            }
            String name = s.substring(at + 1, end - 1);
            boolean spaced = name.indexOf(' ') > 0;
            boolean edges = (at == 0 || ANGLE_EDGES.indexOf(s.charAt(at - 1)) >= 0)
                    && (end == s.length() || ANGLE_EDGES.indexOf(s.charAt(end)) >= 0);
            if (ctx[at] != ShellWords.COMMENT && !closed.contains(name) && (!spaced || edges)
                    && !PRINTED_WORDS.contains(name.toLowerCase(Locale.ROOT))) {
                add(found, taken, name, s.substring(at, end), at, Placeholder.Form.ANGLE);
            }
            at = s.indexOf('<', end);
        }
    }

    /**
     * Where the angle placeholder starting at the {@code <} at {@code at} ends (after its {@code >}), or -1: a letter,
     * then [A-Za-z0-9_.:/-], then up to five more such words each after one space, then {@code >}; not after
     * {@code <} or a word character. Read by a character scan, as this runs at every {@code <} of every command.
     */
    private static int angleEnd(String s, int at) {
        int n = s.length();
        if (at > 0 && (s.charAt(at - 1) == '<' || isWordChar(s.charAt(at - 1)))) {
            return -1;
        }
        int i = at + 1;
        if (i >= n || !isAsciiLetter(s.charAt(i))) {
            return -1;
        }
        i = skipAngleChars(s, i + 1);
        for (int words = 0; words < 5 && i + 1 < n && s.charAt(i) == ' ' && isAngleChar(s.charAt(i + 1)); words++) {
            i = skipAngleChars(s, i + 2);
        }
        return i < n && s.charAt(i) == '>' ? i + 1 : -1;
    }

    private static int skipAngleChars(String s, int from) {
        int i = from;
        while (i < s.length() && isAngleChar(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** [A-Za-z0-9_.:/-], what a word of an angle placeholder is made of. */
    private static boolean isAngleChar(char c) {
        return isWordChar(c) || c == '.' || c == ':' || c == '/' || c == '-';
    }

    /** The regex {@code \w}: [A-Za-z0-9_]. */
    private static boolean isWordChar(char c) {
        return isAsciiLetter(c) || c >= '0' && c <= '9' || c == '_';
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** {@code POD_NAME='<"Used By:" field from the above output>'}: the value is a description to replace. */
    private static void quotedAngles(String s, byte[] ctx, List<Placeholder> found, boolean[] taken) {
        if (!s.contains("'<") && !s.contains("\"<")) {
            return;
        }
        Matcher m = QUOTED_ANGLE.matcher(s);
        while (m.find()) {
            String name = (m.group(1) != null ? m.group(1) : m.group(2)).strip();
            if (angleEnd(m.group(), 1) == m.group().length() - 1) {
                continue; // a plain <name>, left to angles() with its tag and spacing rules
            }
            byte c = ctx[m.start()];
            if (c != ShellWords.COMMENT && c != ShellWords.HEREDOC && c != ShellWords.HEREDOC_LITERAL
                    && !name.isEmpty() && !PRINTED_WORDS.contains(name.toLowerCase(Locale.ROOT))) {
                add(found, taken, name, m.group().substring(1, m.group().length() - 1), m.start() + 1,
                        Placeholder.Form.ANGLE);
            }
        }
    }

    private static void braces(String s, byte[] ctx, List<Placeholder> found, boolean[] taken) {
        if (s.indexOf('{') < 0) {
            return;
        }
        Matcher m = BRACE.matcher(s).useTransparentBounds(true);
        for (int from = 0; findBrace(m, s, from); from = m.end()) {
            byte c = ctx[m.start()];
            if (c == ShellWords.COMMENT || c == ShellWords.HEREDOC_LITERAL) {
                continue;
            }
            String inner = m.group(2);
            if (inner != null && inner.startsWith(".Values.") && c != ShellWords.HEREDOC) {
                // Helm values stand for a value in any quoting; other templates in quotes are output formats
                add(found, taken, inner.substring(1), m.group(), m.start(), Placeholder.Form.BRACE);
            } else if (c == ShellWords.SINGLE) {
                continue;
            } else if (m.group(1) != null) {
                add(found, taken, m.group(1), m.group(), m.start(), Placeholder.Form.BRACE);
            } else if (!(inner.startsWith(".") || TEMPLATE_WORDS.contains(inner)) || c == ShellWords.CODE) {
                add(found, taken, inner.startsWith(".") ? inner.substring(1) : inner, m.group(), m.start(),
                        Placeholder.Form.BRACE);
            }
        }
    }

    /**
     * {@link Matcher#find()} of {@link #BRACE} from {@code from}: tries only the offsets holding a {@code {}, where
     * a regex search tries every offset, and not the {@code {} of a {@code ${NAME}} expansion, which neither of
     * its forms can match (the first refuses a {@code $} before it, the second needs {@code {{}). The matcher's
     * bounds must be transparent, so that the pattern's look-behind still sees the text before the offset tried.
     */
    private static boolean findBrace(Matcher m, String s, int from) {
        for (int at = s.indexOf('{', from); at >= 0; at = s.indexOf('{', at + 1)) {
            if (at > 0 && s.charAt(at - 1) == '$' && (at + 1 >= s.length() || s.charAt(at + 1) != '{')) {
                continue;
            }
            m.region(at, s.length());
            if (m.lookingAt()) {
                return true;
            }
        }
        return false;
    }

    private static void add(List<Placeholder> found, boolean[] taken, String name, String token, int start,
                            Placeholder.Form form) {
        if (!taken[start]) {
            taken[start] = true;
            found.add(new Placeholder(name, token, start, start + token.length(), form));
        }
    }
}
