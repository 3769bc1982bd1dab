package dev.incidentconsole.app.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/** Sets system properties for one test and puts the old values back, so other test classes see none of it. */
final class RunSystemProperties {
    private final Map<String, String> saved = new LinkedHashMap<>();

    void set(String key, String value) {
        saved.putIfAbsent(key, System.getProperty(key));
        System.setProperty(key, value);
    }

    void restore() {
        saved.forEach((key, old) -> {
            if (old == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, old);
            }
        });
        saved.clear();
    }
}
