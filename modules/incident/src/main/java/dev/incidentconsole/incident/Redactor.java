package dev.incidentconsole.incident;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets in commands, output and notes with {@value #MASK}, keeping the key or flag name so the
 * text still reads ({@code PGPASSWORD=****}, {@code postgresql://app:****@db}). Masking is idempotent.
 * Immutable and thread-safe.
 *
 * <p>Masked: URL passwords, {@code Authorization:} values and bearer tokens, API-key and token headers,
 * cookies, {@code -u/--user user:pass}, {@code NAME=value} where the name ends in PASSWORD, PASSWD,
 * _PASS, SECRET, TOKEN, _KEY or APIKEY (so {@code password=} in connection strings, {@code *_SECRET=},
 * {@code --docker-password=}), such flags followed by a space and a value, {@code --from-literal=K=v},
 * {@code mysql -pSECRET}, JSON and YAML keys naming a password, secret, token or API key, PEM private key
 * bodies, and every literal value passed to {@link #withSecrets}.
 */
public final class Redactor {
    public static final String MASK = "****";

    private static final String SECRET_WORD = "(?:password|passwd|_pass|secret|token|_key|apikey|api-key)";
    private static final String VALUE = "(?<v>\"[^\"]*\"|'[^']*'|[^\\s&;'\",]+)";
    private static final List<Pattern> RULES = List.of(
            Pattern.compile("-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----(?<v>[\\s\\S]*?)-----END"),
            Pattern.compile("(?i)\\b[a-z][a-z0-9+.\\-]*://[^\\s:/@'\"]*:(?<v>[^\\s@/'\"]+)@"),
            Pattern.compile("(?i)\\bAuthorization\\s*[:=]\\s*(?:(?:Bearer|Basic|Token|Digest|Negotiate|Bot)\\s+)?"
                    + "(?<v>[^\\s'\"]+)"),
            Pattern.compile("(?i)\\bBearer\\s+(?<v>[A-Za-z0-9\\-._~+/]{8,}=*)"),
            Pattern.compile("(?i)\\b(?:X-API-Key|X-Auth-Token|X-Vault-Token|X-Access-Token|Private-Token|Api-Key)"
                    + "\\s*:\\s*(?<v>[^\\s'\"]+)"),
            Pattern.compile("(?i)\\b(?:Set-)?Cookie\\s*:\\s*(?<v>[^\\r\\n'\"]+)"),
            // "-u user:pass", but not "-u redis://..." (the URL rule handles those)
            Pattern.compile("(?:^|\\s)(?:-u|--user|--proxy-user)(?:\\s+|=)?['\"]?[^\\s:'\"]*:(?!//)(?<v>[^\\s'\"]+)"),
            Pattern.compile("--from-literal[=\\s]+[^=\\s]+=" + VALUE),
            Pattern.compile("(?i)\\b[a-z0-9_.\\-]*" + SECRET_WORD + "\\s*=\\s*" + VALUE),
            Pattern.compile("(?i)(?:^|\\s)--?[a-z0-9\\-]*(?:password|passwd|secret|token)\\s+"
                    + "(?<v>\"[^\"]*\"|'[^']*'|(?!-)[^\\s'\"]+)"),
            Pattern.compile("(?i)\\bmysql(?:dump|admin)?\\b[^\\n|;&]*?\\s-p(?<v>[^\\s'\"]+)"),
            Pattern.compile("(?i)\"[a-z0-9_\\-]*(?:password|passwd|secret|token|api_?key)\"\\s*:\\s*\"(?<v>[^\"]*)\""),
            Pattern.compile("(?im)^\\s*[a-z0-9_\\-]*(?:password|passwd|secret|token|api_?key)\\s*:[ \\t]+(?<v>\\S[^\\r\\n]*)$"));
    /** Shorter literal secrets would mask ordinary words; such settings are ignored (and said so). */
    static final int MIN_SECRET_LENGTH = 3;

    private static final Redactor STANDARD = new Redactor(List.of());

    private final List<String> literals;

    private Redactor(List<String> literals) {
        this.literals = literals;
    }

    /** The built-in rules only. */
    public static Redactor standard() {
        return STANDARD;
    }

    /**
     * The built-in rules plus literal values the environment marks secret (e.g. resolved vault values).
     * Values shorter than {@value #MIN_SECRET_LENGTH} characters are ignored.
     */
    public Redactor withSecrets(Collection<String> secrets) {
        List<String> all = new java.util.ArrayList<>(literals);
        for (String s : secrets) {
            if (s != null && s.length() >= MIN_SECRET_LENGTH && !all.contains(s)) {
                all.add(s);
            }
        }
        all.sort(Comparator.comparingInt(String::length).reversed());
        return new Redactor(List.copyOf(all));
    }

    /** {@code text} with every secret masked; null stays null. */
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String literal : literals) {
            out = out.replace(literal, MASK);
        }
        for (Pattern rule : RULES) {
            out = mask(rule.matcher(out), out);
        }
        return out;
    }

    /** The entry with every string of its body masked; id, kind, times and source are kept. */
    public TimelineEntry redact(TimelineEntry entry) {
        JsonNode tree = IncidentJson.mapper().valueToTree(entry.body());
        JsonNode masked = redactTree(tree);
        if (masked.equals(tree)) {
            return entry;
        }
        return entry.withBody(IncidentJson.bodyFromTree(masked));
    }

    /** A copy of {@code node} with every string value masked, except {@code kind} fields. */
    public JsonNode redactTree(JsonNode node) {
        if (node.isTextual()) {
            return TextNode.valueOf(redact(node.textValue()));
        }
        if (node.isObject()) {
            ObjectNode copy = ((ObjectNode) node).objectNode();
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> f = it.next();
                copy.set(f.getKey(), f.getKey().equals("kind") ? f.getValue() : redactTree(f.getValue()));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = ((ArrayNode) node).arrayNode();
            node.forEach(n -> copy.add(redactTree(n)));
            return copy;
        }
        return node;
    }

    private static String mask(Matcher m, String text) {
        StringBuilder sb = null;
        int last = 0;
        while (m.find()) {
            int s = m.start("v");
            int e = m.end("v");
            String v = text.substring(s, e);
            boolean quoted = v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'')
                    && v.charAt(v.length() - 1) == v.charAt(0);
            String replacement = quoted ? v.charAt(0) + MASK + v.charAt(0) : MASK;
            if (v.equals(replacement) || (m.pattern() == RULES.get(0) && v.equals("\n" + MASK + "\n"))) {
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder(text.length());
            }
            sb.append(text, last, s).append(m.pattern() == RULES.get(0) ? "\n" + MASK + "\n" : replacement);
            last = e;
        }
        if (sb == null) {
            return text;
        }
        return sb.append(text, last, text.length()).toString();
    }
}
