package dev.incidentconsole.runbook;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the values an engineer must fill in before a command can run.
 *
 * <p>Forms: {@code <pod-name>} (ANGLE, in any quoting, but not {@code <<EOF}, redirections or XML tags
 * closed in the same command); {@code {trace_id}} and {@code {{ namespace }}} (BRACE, not inside single
 * quotes, where braces belong to jq/awk; {@code {{ .Values.x }}} Go/Helm templates count only unquoted,
 * since quoted ones are kubectl/docker output templates); {@code $AOS_API_KEY} (DOLLAR) and
 * {@code ${NAMESPACE}}, {@code ${NAMESPACE?}} or {@code ${db-instance-name}} (DOLLAR_BRACE) outside
 * single quotes and quoted heredocs, except special and positional parameters, well-known environment variables ({@code $HOME}, {@code $PATH} ...) and
 * variables the command assigns itself ({@code for i in}, {@code X=1}, {@code read x}); and
 * upper-case values such as {@code SUSPICIOUS_IP} (CAPS) used as an argument or {@code =value}, never
 * as a program, option or variable name, minus a stop-list of protocol, SQL, HTTP, signal, firewall
 * and Redis words (see {@link CapsWords}).
 *
 * <p>Offsets refer to the command string given. Stateless and thread-safe; never throws.
 */
public final class Placeholders {

    private static final Pattern ANGLE = Pattern.compile(
            "(?<![<\\w])<([A-Za-z][A-Za-z0-9_.:/-]*(?: [A-Za-z0-9_.:/-]+){0,5})>");
    private static final String ANGLE_EDGES = " \t\n\"'=/:";
    private static final Pattern CLOSING_TAG = Pattern.compile("</([A-Za-z][A-Za-z0-9_.:/-]*)>");
    private static final Pattern BRACE = Pattern.compile(
            "(?<![${\\w])\\{([A-Za-z_][A-Za-z0-9_.-]*)}(?!})|\\{\\{\\s*(\\.?[A-Za-z_][A-Za-z0-9_.]*)\\s*}}");
    // ${NAME}, ${NAME?} / ${NAME:?message} (required), ${db-instance-name} (a doc placeholder, not a bash name), $NAME
    private static final Pattern DOLLAR = Pattern.compile("\\$(?:\\{([A-Za-z_][A-Za-z0-9_]*)(?::?\\?[^}]*)?}"
            + "|\\{([a-z][a-z0-9_]*(?:-[a-z0-9_]+)+)}|([A-Za-z_][A-Za-z0-9_]*))");
    private static final Pattern ASSIGNED = Pattern.compile("(?:^|[\\s;&|(`])([A-Za-z_][A-Za-z0-9_]*)\\+?=");
    private static final Pattern LOOP_VARIABLE = Pattern.compile("\\b(?:for|select)\\s+([A-Za-z_][A-Za-z0-9_]*)\\s");
    private static final Pattern READ_ARGS = Pattern.compile("\\b(?:read|mapfile|readarray|getopts)\\b([^;&|\\n]*)");
    private static final Pattern NAME = Pattern.compile("(?<![-\\w$])[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> TEMPLATE_WORDS = Set.of("end", "else", "range", "if", "with", "define", "template");
    private static final Set<String> KNOWN_ENV = Set.of(
            "HOME", "PATH", "USER", "PWD", "OLDPWD", "SHELL", "HOSTNAME", "HOST", "LANG", "LC_ALL", "TERM", "UID",
            "EUID", "GID", "PPID", "RANDOM", "SECONDS", "LINENO", "IFS", "TMPDIR", "EDITOR", "VISUAL", "PAGER",
            "LOGNAME", "BASH", "BASH_SOURCE", "BASH_VERSION", "BASHPID", "FUNCNAME", "PIPESTATUS", "REPLY",
            "OSTYPE", "HOSTTYPE", "MACHTYPE", "KUBECONFIG", "XDG_RUNTIME_DIR", "XDG_CONFIG_HOME", "SSH_AUTH_SOCK",
            "DISPLAY", "EPOCHSECONDS", "EPOCHREALTIME", "COLUMNS", "LINES");

    private Placeholders() {
    }

    /** The placeholders of a command in order of appearance; empty for null or blank input. */
    public static List<Placeholder> find(String command) {
        return find(command, Set.of());
    }

    /**
     * Like {@link #find(String)}, with variables already defined by earlier commands of the same block
     * ({@code POD=$(...)} then {@code kubectl logs $POD}), which are not placeholders.
     */
    public static List<Placeholder> find(String command, Set<String> defined) {
        if (command == null || command.isBlank()) {
            return new ArrayList<>();
        }
        return find(command, defined, ShellWords.parse(command));
    }

    /** For callers that already parsed the command. */
    static List<Placeholder> find(String command, Set<String> defined, ShellWords.Parsed parsed) {
        return find(command, defined, parsed, assignedNames(command));
    }

    /** For callers that already parsed the command and have its {@link #assignedNames(String)}. */
    static List<Placeholder> find(String command, Set<String> defined, ShellWords.Parsed parsed, Set<String> assigned) {
        List<Placeholder> found = new ArrayList<>();
        byte[] ctx = parsed.context();
        Set<Integer> taken = new HashSet<>();
        angles(command, ctx, found, taken);
        braces(command, ctx, found, taken);
        Set<String> known = new HashSet<>(assigned);
        known.addAll(defined);
        dollars(command, ctx, known, found, taken);
        CapsWords.find(command, parsed, found, taken);
        found.sort(Comparator.comparingInt(Placeholder::start).thenComparing(p -> -p.end()));
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

    private static void angles(String s, byte[] ctx, List<Placeholder> found, Set<Integer> taken) {
        if (s.indexOf('<') < 0) {
            return;
        }
        Set<String> closed = new HashSet<>();
        if (s.contains("</")) {
            Matcher close = CLOSING_TAG.matcher(s);
            while (close.find()) {
                closed.add(close.group(1));
            }
        }
        Matcher m = ANGLE.matcher(s);
        while (m.find()) {
            boolean spaced = m.group(1).indexOf(' ') > 0;
            boolean edges = (m.start() == 0 || ANGLE_EDGES.indexOf(s.charAt(m.start() - 1)) >= 0)
                    && (m.end() == s.length() || ANGLE_EDGES.indexOf(s.charAt(m.end())) >= 0);
            if (ctx[m.start()] != ShellWords.COMMENT && !closed.contains(m.group(1)) && (!spaced || edges)) {
                add(found, taken, m.group(1), m, Placeholder.Form.ANGLE);
            }
        }
    }

    private static void braces(String s, byte[] ctx, List<Placeholder> found, Set<Integer> taken) {
        if (s.indexOf('{') < 0) {
            return;
        }
        Matcher m = BRACE.matcher(s);
        while (m.find()) {
            byte c = ctx[m.start()];
            if (c == ShellWords.SINGLE || c == ShellWords.COMMENT || c == ShellWords.HEREDOC_LITERAL) {
                continue;
            }
            if (m.group(1) != null) {
                add(found, taken, m.group(1), m, Placeholder.Form.BRACE);
                continue;
            }
            String inner = m.group(2);
            boolean goTemplate = inner.startsWith(".") || TEMPLATE_WORDS.contains(inner);
            if (!goTemplate || c == ShellWords.CODE) {
                add(found, taken, inner.startsWith(".") ? inner.substring(1) : inner, m, Placeholder.Form.BRACE);
            }
        }
    }

    private static void dollars(String s, byte[] ctx, Set<String> assigned, List<Placeholder> found,
                                Set<Integer> taken) {
        if (s.indexOf('$') < 0) {
            return;
        }
        Matcher m = DOLLAR.matcher(s);
        while (m.find()) {
            byte c = ctx[m.start()];
            if (c == ShellWords.SINGLE || c == ShellWords.COMMENT || c == ShellWords.HEREDOC_LITERAL
                    || escaped(s, m.start())) {
                continue;
            }
            String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            String variable = m.group(2) != null ? name.substring(0, name.indexOf('-')) : name;
            if (!KNOWN_ENV.contains(variable) && !assigned.contains(variable)) {
                add(found, taken, name, m, m.group(3) == null ? Placeholder.Form.DOLLAR_BRACE : Placeholder.Form.DOLLAR);
            }
        }
    }

    /** Names the command gives a value to itself, so that {@code $name} later on is not a placeholder. */
    static Set<String> assignedNames(String s) {
        Set<String> names = new HashSet<>();
        // The indexOf guards skip the regexes for the many commands that cannot match them.
        if (s.indexOf('=') >= 0) {
            addGroups(ASSIGNED, s, names);
        }
        if (s.contains("for") || s.contains("select")) {
            addGroups(LOOP_VARIABLE, s, names);
        }
        if (!s.contains("read") && !s.contains("mapfile") && !s.contains("getopts")) {
            return names;
        }
        Matcher read = READ_ARGS.matcher(s);
        while (read.find()) {
            Matcher name = NAME.matcher(read.group(1));
            while (name.find()) {
                names.add(name.group());
            }
        }
        return names;
    }

    private static void addGroups(Pattern p, String s, Set<String> names) {
        Matcher m = p.matcher(s);
        while (m.find()) {
            names.add(m.group(1));
        }
    }

    private static boolean escaped(String s, int at) {
        int backslashes = 0;
        for (int k = at - 1; k >= 0 && s.charAt(k) == '\\'; k--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    private static void add(List<Placeholder> found, Set<Integer> taken, String name, Matcher m, Placeholder.Form form) {
        if (taken.add(m.start())) {
            found.add(new Placeholder(name, m.group(), m.start(), m.end(), form));
        }
    }
}
