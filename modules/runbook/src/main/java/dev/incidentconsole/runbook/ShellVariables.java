package dev.incidentconsole.runbook;

import dev.incidentconsole.shell.ParameterExpansion;
import dev.incidentconsole.shell.ShellCommand;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the shell variables of a command that the engineer must fill in: {@code $NAME} (DOLLAR),
 * {@code ${NAME}}, {@code ${NAME?}} / {@code ${NAME:?msg}} (required) and {@code ${NAME:-default}} /
 * {@code ${NAME:=default}} (optional, with {@link Placeholder#defaultValue()}), plus the documentation style
 * {@code ${db-instance-name}} (DOLLAR_BRACE). Never a placeholder: anything in single quotes, comments or
 * quoted heredocs; special and positional parameters ({@code $? $$ $1 $@}); variables every shell has
 * ({@code $HOME}, {@code $PATH} ...); awk's {@code $NF}; variables the command assigns itself
 * ({@code X=1}, {@code export X=}, {@code local X=}, {@code for X in}, {@code read X}); the other
 * expansions ({@code ${#X}}, {@code ${X%%-*}}, {@code ${X:+alt}}), which only work on a value the command
 * already has; and the variables of a command that only prints or tests them ({@code echo $ENV},
 * {@code [ -z "$TOKEN" ]}), which exists to show the shell's own value.
 */
final class ShellVariables {

    private static final Pattern NAME_START = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    // ${db-instance-name}: a documentation placeholder, not a bash name
    private static final Pattern DASHED = Pattern.compile("[a-z][a-z0-9_]*+(?:-[a-z0-9_]++)++");
    private static final Pattern ASSIGNMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)(?:\\[[^]]*])?\\+?=.*",
            Pattern.DOTALL);
    private static final Set<String> DECLARERS = Set.of("export", "local", "declare", "typeset", "readonly", "let");
    private static final Set<String> READERS = Set.of("read", "mapfile", "readarray", "getopts");
    private static final Set<String> LOOPS = Set.of("for", "select");
    /** Set by bash itself, the login, or the terminal: never a value to ask for. */
    private static final Set<String> SHELL_OWN = Set.of(
            "HOME", "PATH", "USER", "PWD", "OLDPWD", "SHELL", "HOSTNAME", "HOST", "LANG", "LANGUAGE", "LC_ALL", "TERM",
            "UID", "EUID", "GID", "PPID", "RANDOM", "SECONDS", "LINENO", "IFS", "TMPDIR", "EDITOR", "VISUAL", "PAGER",
            "LOGNAME", "MAIL", "BASH", "BASH_SOURCE", "BASH_VERSION", "BASHPID", "BASH_REMATCH", "BASH_LINENO",
            "BASH_SUBSHELL", "BASH_COMMAND", "FUNCNAME", "PIPESTATUS", "REPLY", "OPTARG", "OPTIND", "SHLVL", "GROUPS",
            "DIRSTACK", "HISTFILE", "HISTSIZE", "PS1", "PS2", "PS4", "PROMPT_COMMAND", "CDPATH", "TMOUT",
            "OSTYPE", "HOSTTYPE", "MACHTYPE", "KUBECONFIG", "XDG_RUNTIME_DIR", "XDG_CONFIG_HOME", "SSH_AUTH_SOCK",
            "SSH_CONNECTION", "SSH_CLIENT", "SSH_TTY", "SUDO_USER", "SUDO_UID", "DISPLAY", "EPOCHSECONDS",
            "EPOCHREALTIME", "COLUMNS", "LINES");
    /** awk's built-in variables, often written in a double-quoted awk script. */
    private static final Set<String> AWK_OWN = Set.of("NF", "NR", "FNR", "FS", "OFS", "RS", "ORS", "FILENAME");
    /** Commands that only print or test values; a command made of nothing else needs no input. */
    private static final Set<String> INSPECTORS = Set.of("echo", "printf", "printenv", "test", "[", "[[", "true", ":");

    private ShellVariables() {
    }

    /** Whether bash, the login or the terminal sets this variable in every shell. */
    static boolean shellOwn(String name) {
        return SHELL_OWN.contains(name);
    }

    /**
     * Adds the variables of {@code s} (the text {@code parsed} read) that ask for a value: each {@code $} the shell
     * model says the shell expands ({@link ShellCommand#expandsAt}: not in single quotes, {@code $'...'}, comments,
     * literal here-documents, nor escaped), read as {@code $NAME} or as the shell model's {@link ParameterExpansion}.
     */
    static void find(String s, ShellWords.Parsed parsed, Set<String> known, List<Placeholder> found, boolean[] taken) {
        if (s.indexOf('$') < 0 || onlyInspects(parsed.segments())) {
            return;
        }
        ShellCommand shell = parsed.shell();
        boolean awk = s.contains("awk");
        for (int i = s.indexOf('$'); i >= 0 && i + 1 < s.length(); i = s.indexOf('$', i + 1)) {
            if (!shell.expandsAt(i)) {
                continue;
            }
            Placeholder p = s.charAt(i + 1) == '{' ? braced(s, shell.parameterAt(i)) : plain(s, i);
            String variable = p == null ? null : variable(p);
            if (p == null || known.contains(variable) || SHELL_OWN.contains(variable)
                    || (awk && AWK_OWN.contains(variable))) {
                continue;
            }
            if (!taken[i]) {
                taken[i] = true;
                found.add(p);
            }
        }
    }

    /** The {@code $NAME} at {@code at}, its name read as the shell model reads one; null for {@code $1}, {@code $?}... */
    private static Placeholder plain(String s, int at) {
        int end = ParameterExpansion.nameEnd(s, at + 1, s.length());
        String name = s.substring(at + 1, end);
        if (!NAME_START.matcher(name).matches()) {
            return null;
        }
        return new Placeholder(name, s.substring(at, end), at, end, Placeholder.Form.DOLLAR);
    }

    /**
     * The placeholder a {@code ${...}} stands for: {@code ${NAME}}, {@code ${NAME?...}} / {@code ${NAME:?...}}
     * (required), {@code ${NAME:-default}} / {@code ${NAME=default}} (optional, the default unquoted), or the
     * documentation style {@code ${db-instance-name}}; null for the other expansions ({@code ${#X}},
     * {@code ${X%%-*}}, {@code ${X:+alt}}) and for one never closed.
     */
    private static Placeholder braced(String s, ParameterExpansion e) {
        if (e == null || e.name().isEmpty() || !NAME_START.matcher(e.name()).matches()) {
            return null;
        }
        String token = s.substring(e.start(), e.end());
        String inner = s.substring(e.start() + 2, e.end() - 1);
        if (e.operator().equals("-") && DASHED.matcher(inner).matches()) {
            // the name must not pass for a variable the shell has: ${home-dir} is ${home}-dir to bash
            return new Placeholder(inner, token, e.start(), e.end(), Placeholder.Form.DOLLAR_BRACE);
        }
        String fallback = null;
        if (e.givesDefault()) {
            int[] word = e.wordInsideQuotes(s);
            fallback = s.substring(word[0], word[1]);
        } else if (!e.operator().isEmpty() && !e.operator().endsWith("?")) {
            return null; // another expansion (${#X}, ${X%%-*}, ${X:+alt})
        }
        return new Placeholder(e.name(), token, e.start(), e.end(), Placeholder.Form.DOLLAR_BRACE, fallback, 0);
    }

    /** The bare variable a placeholder of this class stands for: {@code db} for {@code ${db-instance-name}}. */
    static String variable(Placeholder p) {
        int dash = p.name().indexOf('-');
        return dash > 0 ? p.name().substring(0, dash) : p.name();
    }

    /** Whether every simple command only prints or tests values, writing nowhere but the screen. */
    private static boolean onlyInspects(List<ShellWords.Segment> segments) {
        if (segments.isEmpty()) {
            return false;
        }
        for (ShellWords.Segment seg : segments) {
            List<ShellWords.Word> words = seg.words();
            int k = seg.program();
            if (k >= words.size() || !INSPECTORS.contains(words.get(k).value())) {
                return false;
            }
            for (ShellWords.Word w : words) {
                if (w.redirect() && !w.op().startsWith("<")
                        && !(w.op().startsWith(">&") || "/dev/null".equals(w.value()) || "&2".equals(w.value()))) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Names the command gives a value to itself, so that {@code $name} in it is not a placeholder:
     * {@code X=1} before a program or alone, {@code export/local/declare/readonly X=1}, {@code local x},
     * {@code for/select X in}, {@code read/mapfile/getopts ... X}, {@code let X=1}, {@code printf -v X}.
     * Read from the parsed words, so {@code docker run -e KEY=$KEY} assigns nothing.
     */
    static Set<String> assignedNames(ShellWords.Parsed parsed) {
        Set<String> names = new HashSet<>();
        for (ShellWords.Segment seg : parsed.segments()) {
            List<ShellWords.Word> words = seg.words();
            int k = seg.program();
            for (int j = 0; j < k; j++) {
                addAssigned(words.get(j), names);
            }
            if (k >= words.size()) {
                continue;
            }
            String program = words.get(k).value();
            boolean declares = DECLARERS.contains(program);
            boolean reads = READERS.contains(program);
            boolean loop = LOOPS.contains(program);
            boolean printf = "printf".equals(program);
            for (int j = k + 1; j < words.size(); j++) {
                ShellWords.Word w = words.get(j);
                if (w.redirect() || startsQuoted(w)) {
                    continue;
                }
                String v = w.value();
                if (loop) {
                    addName(v, names);
                    break;
                }
                if (printf && "-v".equals(words.get(j - 1).value())) {
                    addName(v, names);
                } else if (declares && !addAssigned(w, names) && !v.startsWith("-") && !"export".equals(program)) {
                    addName(v, names);
                } else if (reads && !v.startsWith("-")) {
                    addName(v, names);
                }
            }
        }
        return names.isEmpty() ? Set.of() : names;
    }

    private static boolean addAssigned(ShellWords.Word w, Set<String> names) {
        Matcher m = ASSIGNMENT.matcher(w.value());
        if (!startsQuoted(w) && w.value().indexOf('=') > 0 && m.matches()) {
            names.add(m.group(1));
            return true;
        }
        return false;
    }

    private static boolean startsQuoted(ShellWords.Word w) {
        return w.startsQuoted();
    }

    private static void addName(String word, Set<String> names) {
        if (NAME_START.matcher(word).matches()) {
            names.add(word);
        }
    }
}
