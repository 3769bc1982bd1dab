package dev.incidentconsole.incident;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import java.util.HashMap;
import java.util.Map;

/** The JSON kind names of {@link EntryBody} records, read once from the annotation so they cannot drift. */
final class Kinds {
    private static final Map<Class<?>, String> NAMES = new HashMap<>();

    static {
        for (JsonSubTypes.Type t : EntryBody.class.getAnnotation(JsonSubTypes.class).value()) {
            NAMES.put(t.value(), t.name());
        }
    }

    private Kinds() {
    }

    static String of(EntryBody body) {
        return NAMES.get(body.getClass());
    }
}
