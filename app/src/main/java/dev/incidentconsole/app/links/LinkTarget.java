package dev.incidentconsole.app.links;

import dev.incidentconsole.runbook.Command;
import dev.incidentconsole.runbook.Placeholder;
import dev.incidentconsole.runbook.Placeholders;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a link leads, found in the runbooks.
 *
 * @param file     the runbook file (absolute, inside a runbook folder)
 * @param path     heading path of the section; empty for the whole runbook
 * @param line     1-based line of the heading, 0 for the whole runbook
 * @param commands the commands of the section and its subsections (of the whole runbook when no section)
 * @param values   placeholder values the link carries: untrusted text, filled in shell-quoted, never run by itself
 */
public record LinkTarget(Path file, List<String> path, int line, List<Command> commands, Map<String, String> values) {
    public LinkTarget {
        path = List.copyOf(path);
        commands = List.copyOf(commands);
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** {@code file.md > Heading > Path}, for messages. */
    public String describe() {
        return file.getFileName() + (path.isEmpty() ? "" : " > " + String.join(" > ", path));
    }

    /**
     * The link's values for the placeholders of {@code command}, keyed by the placeholder's own name (names
     * match as {@link Placeholders#nameKey} says: label {@code pod_name} fills {@code <pod-name>}).
     */
    public Map<String, String> valuesFor(Command command) {
        Map<String, String> byKey = new LinkedHashMap<>();
        values.forEach((name, value) -> byKey.putIfAbsent(Placeholders.nameKey(name), value));
        Map<String, String> out = new LinkedHashMap<>();
        for (Placeholder p : command.placeholders()) {
            String value = byKey.get(Placeholders.nameKey(p.name()));
            if (value != null) {
                out.put(p.name(), value);
            }
        }
        return out;
    }
}
