package dev.incidentconsole.incident;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The built-in secret patterns of {@link Redactor}. Each pattern names the secret part {@code v}; only
 * that part is replaced. Rules work line by line and run only on lines holding their guard word, so a
 * megabyte of ordinary log output costs a lower-casing pass instead of a dozen regex scans.
 */
final class SecretRules {
    /** @param guards lower-case words one of which a line must contain for the rule to run */
    private record Rule(Pattern pattern, List<String> guards) {
        Rule(String regex, String... guards) {
            this(Pattern.compile(regex), List.of(guards));
        }

        boolean mayMatch(String lowerLine) {
            for (String g : guards) {
                if (lowerLine.contains(g)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final String VALUE = "(?<v>\"[^\"]*\"|'[^']*'|[^\\s&;'\",]+)";
    private static final String[] SECRET_WORDS = {"pass", "secret", "token", "key"};
    private static final Pattern PEM = Pattern.compile("-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----(?<v>[\\s\\S]*?)-----END");
    private static final String PEM_BODY = "\n" + Redactor.MASK + "\n";
    private static final List<Rule> LINE_RULES = List.of(
            new Rule("(?i)\\b[a-z][a-z0-9+.\\-]*://[^\\s:/@'\"]*:(?<v>[^\\s@/'\"]+)@", "://"),
            new Rule("(?i)\\bAuthorization\\s*[:=]\\s*(?:(?:Bearer|Basic|Token|Digest|Negotiate|Bot)\\s+)?"
                    + "(?<v>[^\\s'\"]+)", "authorization"),
            new Rule("(?i)\\bBearer\\s+(?<v>[A-Za-z0-9\\-._~+/]{8,}=*)", "bearer"),
            new Rule("(?i)\\b(?:X-API-Key|X-Auth-Token|X-Vault-Token|X-Access-Token|Private-Token|Api-Key)"
                    + "\\s*:\\s*(?<v>[^\\s'\"]+)", "api-key", "-token"),
            new Rule("(?i)\\b(?:Set-)?Cookie\\s*:\\s*(?<v>[^\\r\\n'\"]+)", "cookie"),
            // "-u user:pass", but not "-u redis://..." (the URL rule handles those)
            new Rule("(?:^|\\s)(?:-u|--user|--proxy-user)(?:\\s+|=)?['\"]?[^\\s:'\"]*:(?!//)(?<v>[^\\s'\"]+)", "-u"),
            new Rule("--from-literal[=\\s]+[^=\\s]+=" + VALUE, "--from-literal"),
            // NAME=value where NAME ends in a secret word; the name itself is kept, so no need to match all of it
            new Rule("(?i)(?:password|passwd|_pass|secret|token|_key|apikey|api-key)\\s*=\\s*" + VALUE, SECRET_WORDS),
            new Rule("(?i)(?:^|\\s)--?[a-z0-9\\-]*(?:password|passwd|secret|token)\\s+"
                    + "(?<v>\"[^\"]*\"|'[^']*'|(?!-)[^\\s'\"]+)", "pass", "secret", "token"),
            new Rule("(?i)\\bmysql(?:dump|admin)?\\b[^|;&]*?\\s-p(?<v>[^\\s'\"]+)", "mysql"),
            new Rule("(?i)(?:password|passwd|secret|token|api_?key)\"\\s*:\\s*\"(?<v>[^\"]*)\"", SECRET_WORDS),
            new Rule("(?i)^\\s*[a-z0-9_\\-]*(?:password|passwd|secret|token|api_?key)\\s*:[ \\t]+(?<v>\\S.*)$",
                    SECRET_WORDS));

    private SecretRules() {
    }

    static String apply(String text) {
        String out = text.contains("PRIVATE KEY-----") ? mask(PEM.matcher(text), text, true) : text;
        StringBuilder sb = null;
        int start = 0;
        while (start <= out.length()) {
            int nl = out.indexOf('\n', start);
            int end = nl < 0 ? out.length() : nl;
            String line = out.substring(start, end);
            String masked = applyToLine(line);
            if (sb == null && !masked.equals(line)) {
                sb = new StringBuilder(out.length()).append(out, 0, start);
            }
            if (sb != null) {
                sb.append(masked);
                if (nl >= 0) {
                    sb.append('\n');
                }
            }
            if (nl < 0) {
                break;
            }
            start = nl + 1;
        }
        return sb == null ? out : sb.toString();
    }

    private static String applyToLine(String line) {
        String lower = line.toLowerCase(Locale.ROOT);
        String out = line;
        for (Rule r : LINE_RULES) {
            if (r.mayMatch(lower)) {
                out = mask(r.pattern().matcher(out), out, false);
            }
        }
        return out;
    }

    private static String mask(Matcher m, String text, boolean pem) {
        StringBuilder sb = null;
        int last = 0;
        while (m.find()) {
            int s = m.start("v");
            int e = m.end("v");
            String v = text.substring(s, e);
            boolean quoted = v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'')
                    && v.charAt(v.length() - 1) == v.charAt(0);
            String replacement = pem ? PEM_BODY : quoted ? v.charAt(0) + Redactor.MASK + v.charAt(0) : Redactor.MASK;
            if (v.equals(replacement)) {
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder(text.length());
            }
            sb.append(text, last, s).append(replacement);
            last = e;
        }
        return sb == null ? text : sb.append(text, last, text.length()).toString();
    }
}
