package dev.incidentconsole.app.masking;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Masks credentials in text shown to the user (probe descriptions, check commands, reasons): URL user info,
 * {@code PASSWORD=...}/{@code TOKEN=...} assignments, {@code curl -u user:pass}, {@code redis-cli -a pass},
 * {@code --password x} and {@code Authorization:} headers. Probe specs already keep secrets in
 * {@link dev.incidentconsole.health.Secret}s; this catches what is written in plain text (commands from
 * runbook tables). Hand-written because no library masks shell commands. Stateless.
 */
public final class Credentials {
    private static final String MASK = "******";
    private static final List<Rule> RULES = List.of(
            new Rule("(?i)\\b([a-z][a-z0-9+.-]*://[^/\\s:@]+):[^@\\s/]+@", "$1:" + MASK + "@"),
            new Rule("(?i)\\b([A-Z0-9_]*(?:PASSWORD|PASSWD|PASS|TOKEN|SECRET|API_?KEY)[A-Z0-9_]*)=(\"[^\"]*\"|'[^']*'|\\S+)",
                    "$1=" + MASK),
            new Rule("(\\s(?:-u|--user)\\s+[^\\s:]+):(\\S+)", "$1:" + MASK),
            new Rule("(redis-cli\\b[^|;&]*?\\s-a\\s+)(\\S+)", "$1" + MASK),
            new Rule("(?i)(--(?:password|pass|token|secret|api-key)(?:=|\\s+))(\\S+)", "$1" + MASK),
            new Rule("(?i)(authorization:\\s*(?:bearer|basic|token)?\\s*)([^\\s'\"]+)", "$1" + MASK));

    private record Rule(Pattern pattern, String replacement) {
        Rule(String regex, String replacement) {
            this(Pattern.compile(regex), replacement);
        }
    }

    private Credentials() {
    }

    /** The text with every credential it recognises replaced by {@code ******}; {@code null} stays {@code null}. */
    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (Rule r : RULES) {
            out = r.pattern().matcher(out).replaceAll(r.replacement());
        }
        return out;
    }
}
