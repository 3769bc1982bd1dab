package dev.incidentconsole.incident;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.incidentconsole.runbook.SecretMasker;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Masks the secrets of timeline entries and exported documents with the application's one
 * {@link SecretMasker} (see there for what is masked), keeping ids, kinds, times and sources as they are.
 * Masking is idempotent. Immutable and thread-safe.
 */
public final class Redactor {
    public static final String MASK = SecretMasker.MASK;

    private static final Redactor STANDARD = new Redactor(SecretMasker.standard());

    private final SecretMasker masker;

    private Redactor(SecretMasker masker) {
        this.masker = masker;
    }

    /** The built-in rules only. */
    public static Redactor standard() {
        return STANDARD;
    }

    /**
     * The built-in rules plus literal values the environment marks secret (e.g. resolved vault values).
     * Values shorter than {@value SecretMasker#MIN_SECRET_LENGTH} characters are ignored.
     */
    public Redactor withSecrets(Collection<String> secrets) {
        return new Redactor(masker.withSecrets(secrets));
    }

    /** {@code text} with every secret masked; null stays null. */
    public String redact(String text) {
        return masker.mask(text);
    }

    /**
     * {@code command} (a shell command's text as it ran: the timeline's steps) with every secret masked, its words
     * read on the shell model ({@link SecretMasker#maskRunCommand}: a quoted {@code '<x>'} there is a value typed
     * for a placeholder); null stays null.
     */
    public String redactCommand(String command) {
        return masker.maskRunCommand(command);
    }

    /**
     * The entry with every string of its body masked, a {@code command} field as a shell command; id, kind,
     * times and source are kept.
     */
    public TimelineEntry redact(TimelineEntry entry) {
        JsonNode tree = IncidentJson.mapper().valueToTree(entry.body());
        JsonNode masked = redactTree(tree);
        if (masked.equals(tree)) {
            return entry;
        }
        return entry.withBody(IncidentJson.bodyFromTree(masked));
    }

    /**
     * The document with every text masked (what the exports and every view of stored entries show): entries one by
     * one, the derived incident through its JSON tree. Entries stored by an older version, or before a masking rule
     * was added, are masked here too.
     */
    public IncidentDocument redact(IncidentDocument doc) {
        List<TimelineEntry> entries = doc.entries().stream().map(this::redact).toList();
        JsonNode tree = redactTree(IncidentJson.mapper().valueToTree(doc.incident()));
        try {
            return new IncidentDocument(IncidentJson.mapper().treeToValue(tree, Incident.class), entries);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A redacted incident no longer reads back", e);
        }
    }

    /**
     * A copy of {@code node} with every string value masked ({@code command} fields as commands), except {@code kind}
     * fields; the {@code output} beside a {@code command} also loses the values that command wrote as secrets (a
     * tool printing its own password prints it bare). Only the output: the other fields beside it (the target's
     * name, a UUID) are not the command's to mask, and a UUID masked would no longer read back. The {@code values}
     * beside a {@code command} (a step's placeholder values) are masked as its output is, and each whole value whose
     * name says it is a secret ({@code password}, {@code token}...: {@link SecretMasker#namesSecret}).
     */
    public JsonNode redactTree(JsonNode node) {
        if (node.isTextual()) {
            return TextNode.valueOf(redact(node.textValue()));
        }
        if (node.isObject()) {
            JsonNode command = node.get("command");
            SecretMasker forOutput = command != null && command.isTextual() ? masker.forCommand(command.textValue()) : masker;
            ObjectNode copy = ((ObjectNode) node).objectNode();
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> f = it.next();
                JsonNode v = f.getValue();
                copy.set(f.getKey(), switch (f.getKey()) {
                    case "kind", "outcome" -> v; // the schema's own words, never a secret
                    case "command" -> v.isTextual() ? TextNode.valueOf(redactCommand(v.textValue())) : redactTree(v);
                    case "output" -> v.isTextual() ? TextNode.valueOf(forOutput.mask(v.textValue())) : redactTree(v);
                    case "values" -> command != null && v.isObject() ? redactValues(v, forOutput) : redactTree(v);
                    default -> redactTree(v);
                });
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

    /**
     * A step's placeholder values: each whole when its name marks a secret ({@link SecretMasker#namesSecret}),
     * whatever the value looks like ({@code $Sup3r}, {@code <x>}: forms the free-text rules leave as written), else
     * masked as the command's output (so also a value the command uses as a secret, {@code redis-cli -a <pw>}).
     */
    private JsonNode redactValues(JsonNode values, SecretMasker forOutput) {
        ObjectNode copy = ((ObjectNode) values).objectNode();
        Iterator<Map.Entry<String, JsonNode>> it = values.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> f = it.next();
            JsonNode v = f.getValue();
            if (!v.isTextual()) {
                copy.set(f.getKey(), redactTree(v));
                continue;
            }
            String value = v.textValue();
            copy.put(f.getKey(), SecretMasker.namesSecret(f.getKey(), value) ? MASK : forOutput.mask(value));
        }
        return copy;
    }
}
