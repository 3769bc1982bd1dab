package dev.incidentconsole.shell;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The variables a shell, and the shells it starts on the same machine, expand when it runs a command text: what
 * its environment must hold.
 */
public final class ExpandedVariables {
    /** Programs whose script runs elsewhere, in an environment of its own: a container, a remote host. */
    private static final Set<String> ELSEWHERE = Set.of("ssh", "docker", "podman", "nerdctl", "docker-compose",
            "kubectl", "oc", "crictl", "gcloud");

    /** How many shells deep {@link #expandedAt} follows a script handed on ({@code sh -c "ssh h '...'"}). */
    private static final int MAX_NESTED_SHELLS = 4;

    private ExpandedVariables() {
    }

    /**
     * Whether a shell expands the {@code $} at {@code offset} of {@code command}'s text: its own shell
     * ({@link ShellCommand#expandsAt}), or a second shell that parses its word again as a script
     * ({@code sh -c '... "$PW"'}, {@code ssh host '... $PW'}; see {@link ShellCommand#nestedAt}), followed a few
     * shells deep, wherever that shell runs. A {@code $} that no shell expands reaches its program as written.
     *
     * @param command a parsed command text
     * @param offset  an offset in its text
     * @return false when no {@code $} is there, or none of those shells expands it
     */
    public static boolean expandedAt(ShellCommand command, int offset) {
        ShellCommand shell = command;
        int at = offset;
        for (int depth = 0; !shell.expandsAt(at); depth++) {
            ShellCommand.Nested nested = depth < MAX_NESTED_SHELLS ? shell.nestedAt(at) : null;
            if (nested == null) {
                return false;
            }
            shell = nested.script();
            at = nested.offset();
        }
        return true;
    }

    /**
     * The names of the variables {@code command}'s own shell expands ({@code $NAME}, {@code ${NAME}}, {@code
     * ${NAME:-default}}), in order of first use: in words, assignments and redirection targets, unquoted or in
     * double quotes, in here-documents with an unquoted delimiter and in command substitutions. Not those in
     * single quotes, escaped ({@code \$NAME}), in comments or in here-documents with a quoted delimiter. A script a
     * child shell on this machine reads ({@code bash -c '... $NAME'}, also behind {@code timeout}, {@code xargs},
     * {@code watch}, {@code find -exec}) counts too: the child inherits this shell's environment. A script run
     * elsewhere ({@code ssh host '... $NAME'}, {@code kubectl exec ... -- sh -c '...'}, {@code docker exec},
     * {@code docker run}) does not: it is expanded there, in an environment of its own.
     *
     * @param command a parsed command text
     * @return the names; empty when it expands none
     */
    public static Set<String> of(ShellCommand command) {
        Set<String> names = new LinkedHashSet<>();
        collect(command, names);
        return names;
    }

    private static void collect(ShellCommand command, Set<String> names) {
        for (SimpleCommand c : command.commands()) {
            c.assignments().forEach(w -> add(w, names));
            c.words().forEach(w -> add(w, names));
            for (Redirection r : c.redirections()) {
                if (r.target() != null) {
                    add(r.target(), names);
                }
                if (r.body() != null && r.expanding()) {
                    // An unquoted here-document's body expands as double-quoted text does, except that '"' is
                    // plain there: read as a double-quoted word with each '"' as a quote that is plain in both.
                    collect(ShellCommand.parse('"' + r.body().replace('"', '\'') + '"'), names);
                }
            }
            localScripts(c).forEach(script -> collect(script, names));
        }
        command.substitutions().forEach(s -> collect(s, names));
    }

    /** The scripts {@code c} hands a child shell on this machine, which inherits the environment. */
    private static List<ShellCommand> localScripts(SimpleCommand c) {
        Invocation real = c.invocation();
        if (real.via().stream().anyMatch(v -> v.endsWith(" exec"))) {
            return List.of(); // inside a container: the container's environment
        }
        if (real.script() != null) {
            return ELSEWHERE.contains(real.program()) ? List.of() : List.of(real.script());
        }
        if (real.via("watch")) {
            // watch hands its words, joined, to "sh -c"
            return real.words().isEmpty() ? List.of() : List.of(ShellCommand.parse(String.join(" ", real.words())));
        }
        List<String> values = c.values();
        int program = values.size() - real.words().size();
        int script = Wrappers.scriptIndex(values, program);
        if (script < 0 || values.subList(program, script).stream().map(Wrappers::basename).anyMatch(ELSEWHERE::contains)) {
            return List.of();
        }
        return List.of(ShellCommand.parse(values.get(script)));
    }

    private static void add(Word word, Set<String> names) {
        if (!word.expansions().isEmpty()) {
            word.expand(name -> {
                names.add(name);
                return null;
            }, null);
        }
    }
}
