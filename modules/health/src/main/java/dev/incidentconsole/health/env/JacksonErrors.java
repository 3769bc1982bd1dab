package dev.incidentconsole.health.env;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Rewrites Jackson's messages into one sentence naming the file, line and field. */
final class JacksonErrors {
    /** The parser's wording under {@code STRICT_DUPLICATE_DETECTION}. */
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*)'");

    private static final String MERGE_KEY = "<<";

    private JacksonErrors() {
    }

    static EnvironmentException convert(Path file, JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        int line = loc == null ? 0 : loc.getLineNr();
        if (!(e instanceof JsonMappingException m)) {
            Matcher twice = DUPLICATE.matcher(firstLine(e.getOriginalMessage()));
            if (twice.matches()) {
                return new EnvironmentException(file, line, "", "\"" + twice.group(1) + "\" is given twice at the "
                        + "same level; the second would silently replace the first");
            }
            return new EnvironmentException(file, line, "", "not valid YAML: " + firstLine(e.getOriginalMessage()));
        }
        return new EnvironmentException(file, line, path(m.getPath()), problem(m));
    }

    static String path(List<JsonMappingException.Reference> refs) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                sb.append(sb.length() > 0 ? "." : "").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String problem(JsonMappingException m) {
        String original = firstLine(m.getOriginalMessage());
        if (m instanceof UnrecognizedPropertyException u) {
            if (MERGE_KEY.equals(u.getPropertyName())) {
                // the YAML parser hands "<<" over as a key: the fields it would merge would be silently missing
                return "YAML merge keys (<<) are not supported; write the fields out, or put shared ones under defaults";
            }
            Collection<Object> known = u.getKnownPropertyIds();
            boolean extensible = u.getReferringClass() != null
                    && Dto.EnvironmentDto.class.isAssignableFrom(u.getReferringClass());
            return "unknown field" + (known == null || known.isEmpty() ? ""
                    : "; known fields: " + known.stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")))
                    + (extensible ? "; or start it with " + ExtensionKeys.PREFIX + " to keep it for your own tools" : "");
        }
        if (m instanceof InvalidFormatException f) {
            if (original.startsWith("\"")) {
                return original; // our own wording, from Values
            }
            return "\"" + f.getValue() + "\" is not " + describe(f.getTargetType());
        }
        if (m instanceof MismatchedInputException mi && mi.getTargetType() != null) {
            return "expected " + describe(mi.getTargetType());
        }
        return original;
    }

    private static String describe(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (List.class.isAssignableFrom(type) || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "a map of names to values";
        }
        if (type == String.class || type == dev.incidentconsole.health.Secret.class) {
            return "a text value";
        }
        if (type == java.time.Duration.class) {
            return "a duration such as 500ms, 5s, 1m or 14d";
        }
        return "a map of settings";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        String first = message.strip().split("\r?\n", 2)[0];
        return first.endsWith(":") ? first.substring(0, first.length() - 1) : first;
    }
}
