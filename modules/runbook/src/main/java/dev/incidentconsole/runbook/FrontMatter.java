package dev.incidentconsole.runbook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * YAML front matter ({@code ---} ... {@code ---} at the top of a file).
 *
 * <p>commonmark's front-matter extension understands only flat keys and lists, so the block is cut out here
 * and read with Jackson; its lines are blanked rather than removed so that every line number still matches
 * the file.
 */
final class FrontMatter {

    /**
     * Made at the first front matter, not with this class: most runbooks have none, and building a Jackson mapper
     * (hundreds of classes) cost {@code lint} of one such file about a third of its time beyond `--help`.
     */
    private static final class Yaml {
        static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory());
    }

    /** A front matter block longer than this is more likely a page that starts with a rule. */
    private static final int MAX_LINES = 500;

    /** @param body the text with the front matter lines blanked; equal to the input when there is none */
    record Result(Map<String, Object> values, String body) {
    }

    private FrontMatter() {
    }

    static Result read(String text, List<ParseWarning> warnings) {
        if (!text.startsWith("---")) {
            return new Result(Map.of(), text);
        }
        String[] lines = SourceText.lines(text);
        if (lines.length < 2 || !lines[0].stripTrailing().equals("---")) {
            return new Result(Map.of(), text);
        }
        int end = -1;
        for (int i = 1; i < lines.length && i <= MAX_LINES; i++) {
            String l = lines[i].stripTrailing();
            if (l.equals("---") || l.equals("...")) {
                end = i;
                break;
            }
        }
        if (end < 0) {
            if (lines.length > MAX_LINES + 1 && lines[1].contains(":")) {
                warnings.add(new ParseWarning(1, "front matter (--- on line 1) is not closed within " + MAX_LINES
                        + " lines; the front matter was cut and the file is read as Markdown from line 1"));
            }
            return new Result(Map.of(), text);
        }
        StringBuilder yaml = new StringBuilder();
        for (int i = 1; i < end; i++) {
            yaml.append(lines[i]).append('\n');
        }
        Map<String, Object> values = parse(yaml.toString(), end + 1, warnings);
        StringBuilder body = new StringBuilder(text.length());
        for (int i = 0; i < lines.length; i++) {
            if (i > end) {
                body.append(lines[i]);
            }
            if (i < lines.length - 1) {
                body.append('\n');
            }
        }
        return new Result(values, body.toString());
    }

    private static Map<String, Object> parse(String yaml, int lastLine, List<ParseWarning> warnings) {
        if (yaml.isBlank()) {
            return Map.of();
        }
        try {
            Object value = Yaml.MAPPER.readValue(yaml, Object.class);
            if (!(value instanceof Map<?, ?> map)) {
                warnings.add(new ParseWarning(1, "front matter (lines 1-" + lastLine
                        + ") is not a list of key: value pairs; it was ignored"));
                return Map.of();
            }
            Map<String, Object> out = new LinkedHashMap<>();
            // Map.copyOf in Runbook rejects nulls: an empty YAML value becomes an empty string.
            map.forEach((k, v) -> out.put(String.valueOf(k), v == null ? "" : v));
            return out;
        } catch (JsonProcessingException | RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage().lines().findFirst().orElse("");
            warnings.add(new ParseWarning(1, "front matter (lines 1-" + lastLine + ") is not valid YAML (" + why
                    + "); it was ignored"));
            return Map.of();
        }
    }
}
