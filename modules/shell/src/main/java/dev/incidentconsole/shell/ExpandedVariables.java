package dev.incidentconsole.shell;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The variables a shell expands when it runs a command text: what it must find in its environment.
 */
public final class ExpandedVariables {
    private ExpandedVariables() {
    }

    /**
     * The names of the variables {@code command}'s own shell expands ({@code $NAME}, {@code ${NAME}}, {@code
     * ${NAME:-default}}), in order of first use: in words, assignments and redirection targets, unquoted or in
     * double quotes, in here-documents with an unquoted delimiter and in command substitutions. Not those in
     * single quotes, escaped ({@code \$NAME}), in comments or in here-documents with a quoted delimiter, nor those
     * of a script a second shell reads ({@code sh -c '... $NAME'}, {@code ssh host '... $NAME'}): that shell
     * expands them, in its own environment.
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
        }
        command.substitutions().forEach(s -> collect(s, names));
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
