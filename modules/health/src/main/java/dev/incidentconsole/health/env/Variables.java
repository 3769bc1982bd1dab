package dev.incidentconsole.health.env;

import dev.incidentconsole.runbook.SecretMasker;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves {@code ${NAME}} and {@code ${NAME:-default}} in file values from the process environment,
 * then the secrets file; {@code $${} writes a literal {@code ${}. Records what could not be resolved
 * instead of failing, so one environment's missing secret does not block another. Not thread-safe:
 * one per load.
 */
final class Variables {
    private static final Pattern REF = Pattern.compile("\\$\\$\\{|\\$\\{([A-Za-z_][A-Za-z0-9_.-]*)(?::-([^}]*))?}");
    private final EnvironmentSecrets secrets;
    private final String secretsName;
    final List<Problem> unresolved = new ArrayList<>();
    final List<Problem> clearSecrets = new ArrayList<>();
    private final Set<String> filledSecrets = new LinkedHashSet<>();

    /** A value that needs attention, by field path and line. */
    record Problem(String path, int line, String message) {
    }

    Variables(Function<String, String> env, Map<String, String> secrets, String secretsName) {
        this.secrets = new EnvironmentSecrets(env, secrets);
        this.secretsName = secretsName;
    }

    static boolean hasReference(String text) {
        return text.contains("${");
    }

    /** The text with references replaced; unresolved ones are recorded and left empty. */
    String resolve(String text, String path, int line) {
        Matcher m = REF.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (m.group(1) == null) {
                replacement = "${";
            } else {
                String value = lookup(m.group(1));
                if (value != null && isSecret(m.group(1), value)) {
                    filledSecrets.add(value);
                }
                if (value == null && m.group(2) != null) {
                    value = m.group(2);
                }
                if (value == null) {
                    unresolved.add(new Problem(path, line, "${" + m.group(1) + "} is not set; export "
                            + m.group(1) + (secretsName == null ? " or add it to a secrets file (secrets: key)"
                            : " or add it to " + secretsName)));
                    value = "";
                }
                replacement = value;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    void clearSecret(String path, int line) {
        clearSecrets.add(new Problem(path, line, "a secret is written in clear; use ${VARIABLE} with the value "
                + "in the environment or the secrets file"));
    }

    /** The secrets file as commands see it. */
    EnvironmentSecrets secrets() {
        return secrets;
    }

    /**
     * The secret values this load filled into the file, from the process environment or the secrets file alike: a
     * URL's path or query holding one matches no masking rule, so whatever describes a check masks these.
     */
    List<String> secretValues() {
        return List.copyOf(filledSecrets);
    }

    /**
     * A value is a secret when its name says so (the masker's one rule), or when it comes from the secrets file
     * and looks like one (8+ characters mixing letters and digits): masking every secrets-file value as text would
     * turn a {@code PGUSER=postgres} into {@code ****://} in every health detail.
     */
    private boolean isSecret(String name, String value) {
        if (SecretMasker.namesSecret(name, value)) {
            return true;
        }
        return secrets.fromFile(name) && value.length() >= 8 && value.chars().anyMatch(Character::isDigit)
                && value.chars().anyMatch(Character::isLetter);
    }

    private String lookup(String name) {
        return secrets.lookup(name);
    }
}
