package dev.incidentconsole.health.runbook;

import dev.incidentconsole.health.Secret;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Expands {@code $VAR} / {@code ${VAR}} in check command words from an environment. Stateless. */
final class ShellVars {
    private static final Pattern VAR = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)}?");
    private final Function<String, String> env;

    ShellVars(Function<String, String> env) {
        this.env = env;
    }

    /** A value with {@code $VAR}s from the environment; an unset one is noted, not fatal. */
    Secret secret(String value, String what, List<String> notes) {
        Matcher m = VAR.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = env.apply(m.group(1));
            if (v == null) {
                notes.add(what + " uses $" + m.group(1) + ", which is not set; export it before starting");
                v = "";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        return Secret.of(out.toString());
    }

    /** The text with {@code $VAR}s expanded, or {@code null} when one is unset. */
    String expand(String value) {
        if (value == null) {
            return null;
        }
        Matcher m = VAR.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = env.apply(m.group(1));
            if (v == null) {
                return null;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        return out.toString();
    }

}
