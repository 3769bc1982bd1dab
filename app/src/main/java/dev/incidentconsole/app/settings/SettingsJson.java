package dev.incidentconsole.app.settings;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code settings.json} format, read and written with Jackson's streaming parser and generator: every command
 * line start reads the settings, and Jackson's databind (about 540 classes and the reflection over the record)
 * took 0.2-0.4 s of it. The fields are {@link Settings}' components, in their order, as databind wrote them:
 * paths as plain strings, absent values as {@code null}, fields this version does not know skipped (a file written
 * by a newer version still loads). {@code SettingsStoreTest} checks every component survives a save and a load.
 */
final class SettingsJson {
    private static final JsonFactory JSON = new JsonFactory();

    private SettingsJson() {
    }

    /**
     * The settings in {@code bytes}, {@code null} for a JSON {@code null}.
     *
     * @throws com.fasterxml.jackson.core.JacksonException when the text is not JSON or a field holds the wrong kind of value
     */
    static Settings read(byte[] bytes) throws IOException {
        try (JsonParser p = JSON.createParser(bytes)) {
            JsonToken first = p.nextToken();
            if (first == JsonToken.VALUE_NULL) {
                return null;
            }
            expect(p, first == JsonToken.START_OBJECT, "the settings must be a JSON object");
            List<Path> folders = null;
            Path synonyms = null;
            String storeUrl = null;
            String storeUser = null;
            String theme = null;
            Map<String, String> severities = null;
            Path workspace = null;
            List<Path> recent = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "runbookFolders" -> folders = paths(p, field);
                    case "synonymsFile" -> synonyms = path(p, field);
                    case "storeUrl" -> storeUrl = text(p, field);
                    case "storeUser" -> storeUser = text(p, field);
                    case "theme" -> theme = text(p, field);
                    case "alertSeverities" -> severities = texts(p, field);
                    case "workspace" -> workspace = path(p, field);
                    case "recentWorkspaces" -> recent = paths(p, field);
                    default -> p.skipChildren();
                }
            }
            expect(p, p.currentToken() == JsonToken.END_OBJECT, "the settings object is not closed");
            return new Settings(folders, synonyms, storeUrl, storeUser, theme, severities, workspace, recent);
        }
    }

    /** Writes {@code settings} as indented JSON (the file stays readable and hand-editable). */
    static void write(Settings settings, OutputStream out) throws IOException {
        try (JsonGenerator g = JSON.createGenerator(out).useDefaultPrettyPrinter()) {
            g.writeStartObject();
            writePaths(g, "runbookFolders", settings.runbookFolders());
            writeText(g, "synonymsFile", settings.synonymsFile() == null ? null : settings.synonymsFile().toString());
            writeText(g, "storeUrl", settings.storeUrl());
            writeText(g, "storeUser", settings.storeUser());
            writeText(g, "theme", settings.theme());
            g.writeObjectFieldStart("alertSeverities");
            for (Map.Entry<String, String> e : settings.alertSeverities().entrySet()) {
                writeText(g, e.getKey(), e.getValue());
            }
            g.writeEndObject();
            writeText(g, "workspace", settings.workspace() == null ? null : settings.workspace().toString());
            writePaths(g, "recentWorkspaces", settings.recentWorkspaces());
            g.writeEndObject();
        }
    }

    private static String text(JsonParser p, String field) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(p, t.isScalarValue(), field + " must be a string");
        return p.getValueAsString();
    }

    private static Path path(JsonParser p, String field) throws IOException {
        String text = text(p, field);
        try {
            return text == null ? null : Path.of(text);
        } catch (InvalidPathException e) {
            throw new JsonParseException(p, field + " is not a path (" + e.getMessage() + ")", e);
        }
    }

    private static List<Path> paths(JsonParser p, String field) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(p, p.currentToken() == JsonToken.START_ARRAY, field + " must be a list of paths");
        List<Path> paths = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            paths.add(path(p, field));
        }
        return paths;
    }

    private static Map<String, String> texts(JsonParser p, String field) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(p, p.currentToken() == JsonToken.START_OBJECT, field + " must be an object of strings");
        Map<String, String> texts = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            String value = text(p, field + "." + key);
            if (value != null) {
                texts.put(key, value);
            }
        }
        return texts;
    }

    private static void writeText(JsonGenerator g, String field, String value) throws IOException {
        if (value == null) {
            g.writeNullField(field);
        } else {
            g.writeStringField(field, value);
        }
    }

    private static void writePaths(JsonGenerator g, String field, List<Path> paths) throws IOException {
        g.writeArrayFieldStart(field);
        for (Path path : paths) {
            g.writeString(path.toString());
        }
        g.writeEndArray();
    }

    private static void expect(JsonParser p, boolean ok, String what) throws JsonParseException {
        if (!ok) {
            throw new JsonParseException(p, what);
        }
    }
}
