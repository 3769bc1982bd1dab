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
        return SecretRules.apply(out);
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
}
