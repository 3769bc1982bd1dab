package dev.incidentconsole.app.incident;

import dev.incidentconsole.incident.Severity;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The incident severity an alert's {@code severity} label suggests. Defaults, matched ignoring case:
 * {@code critical}, {@code page}, {@code emergency}, {@code disaster} → P0; {@code high}, {@code error},
 * {@code major} → P1; {@code warning}, {@code warn}, {@code medium}, {@code minor}, {@code average} → P2;
 * {@code info}, {@code low}, {@code none}, {@code notice} → P3; labels that already are a level ({@code P1},
 * {@code sev1}, {@code S1}) → that level. Anything else, or no label, suggests {@link #UNKNOWN} (P2). Teams
 * override or add labels in {@code settings.json} ({@code "alertSeverities": {"critical": "P1"}}). Immutable.
 */
public final class AlertSeverity {
    /** What an alert without a known severity label suggests. */
    public static final Severity UNKNOWN = Severity.P2;

    private static final Map<String, Severity> DEFAULTS = defaults();

    private final Map<String, Severity> mapping;

    private AlertSeverity(Map<String, Severity> mapping) {
        this.mapping = Map.copyOf(mapping);
    }

    /** The defaults with {@code overrides} (label → {@code P0}..{@code P3}, as in settings.json) on top. */
    public static AlertSeverity of(Map<String, String> overrides) {
        Map<String, Severity> m = new LinkedHashMap<>(DEFAULTS);
        overrides.forEach((label, level) -> m.put(key(label), parse(label, level)));
        return new AlertSeverity(m);
    }

    /** The severity {@code label} suggests; {@link #UNKNOWN} when it is empty or not known. */
    public Severity suggest(String label) {
        return lookup(label).orElse(UNKNOWN);
    }

    /** Whether {@code word} is a severity this mapping knows (a label, or {@code P1}, {@code sev1}, {@code S1}). */
    public boolean knows(String word) {
        return lookup(word).isPresent();
    }

    private Optional<Severity> lookup(String label) {
        if (label == null || label.isBlank()) {
            return Optional.empty();
        }
        String k = key(label);
        Severity mapped = mapping.get(k);
        if (mapped != null) {
            return Optional.of(mapped);
        }
        // "P1", "sev1", "S1", "sev-1"
        String digits = k.replaceFirst("^(p|sev|s)-?", "");
        if (!digits.equals(k) && digits.matches("[0-3]")) {
            return Optional.of(Severity.values()[Integer.parseInt(digits)]);
        }
        return Optional.empty();
    }

    private static Severity parse(String label, String level) {
        try {
            return Severity.valueOf(level.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("settings.json alertSeverities." + label + ": '" + level
                    + "' is not a severity; write P0, P1, P2 or P3.", e);
        }
    }

    private static String key(String label) {
        return label.strip().toLowerCase(Locale.ROOT);
    }

    private static Map<String, Severity> defaults() {
        Map<String, Severity> m = new LinkedHashMap<>();
        for (String s : new String[] {"critical", "page", "emergency", "disaster", "fatal"}) {
            m.put(s, Severity.P0);
        }
        for (String s : new String[] {"high", "error", "major"}) {
            m.put(s, Severity.P1);
        }
        for (String s : new String[] {"warning", "warn", "medium", "minor", "average"}) {
            m.put(s, Severity.P2);
        }
        for (String s : new String[] {"info", "low", "none", "notice"}) {
            m.put(s, Severity.P3);
        }
        return m;
    }
}
