package dev.incidentconsole.app.targets;

import dev.incidentconsole.exec.KubeTarget;
import dev.incidentconsole.health.env.EnvironmentException;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small pure helpers shared by the target readers. */
final class Targets {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");
    /** {@code prod}, {@code production} or {@code prd} as a whole word of a name: {@code eu-prod}, {@code prod.db}. */
    private static final Pattern PRODUCTION_WORD = Pattern.compile("(^|[^a-z0-9])(prod|production|prd)([^a-z0-9]|$)",
            Pattern.CASE_INSENSITIVE);

    /** Builds the error for a problem found in a value. */
    @FunctionalInterface
    interface Problem {
        EnvironmentException at(String problem);
    }

    private Targets() {
    }

    /**
     * {@code value} with {@code ${VAR}} and {@code ${VAR:-default}} replaced from {@code env}; written by hand
     * because health's resolver is internal to its loader and this is the same two-form rule.
     */
    static String expand(String value, Function<String, String> env, Problem problem) throws EnvironmentException {
        Matcher m = VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String found = env.apply(m.group(1));
            if (found == null || found.isEmpty()) {
                found = m.group(2);
            }
            if (found == null) {
                throw problem.at("${" + m.group(1) + "} is not set; export it or write ${" + m.group(1)
                        + ":-default}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(found));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * {@code ~/x} from {@code home} (the SSH config's, as OpenSSH reads it), a relative path from the environment
     * file's folder.
     */
    static Path path(String value, Path relativeTo, Path home) {
        if (value.equals("~") || value.startsWith("~/")) {
            return home.resolve(value.length() > 1 ? value.substring(2) : "");
        }
        Path p = Path.of(value);
        Path dir = relativeTo == null ? null : relativeTo.toAbsolutePath().getParent();
        return p.isAbsolute() || dir == null ? p : dir.resolve(p).normalize();
    }

    static String kubeWhere(KubeTarget t) {
        return "context " + (t.context() == null ? "(current)" : t.context())
                + (t.namespace() == null ? "" : ", namespace " + t.namespace())
                + (t.pod() == null ? "" : ", pod " + t.pod() + (t.container() == null ? "" : "/" + t.container()));
    }

    /**
     * Whether a discovered name (SSH alias, kube context) reads as production. Discovered targets have no
     * {@code production:} flag; marking these errs on the side of a confirmation too many.
     */
    static boolean looksLikeProduction(String name) {
        return PRODUCTION_WORD.matcher(name).find();
    }
}
