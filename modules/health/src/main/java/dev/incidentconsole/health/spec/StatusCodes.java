package dev.incidentconsole.health.spec;

import java.util.List;
import java.util.Locale;

/**
 * HTTP status codes that count as healthy: exact codes ({@code 200}) or classes ({@code 2xx}).
 * Empty means 2xx.
 */
public record StatusCodes(List<String> patterns) {
    public StatusCodes {
        patterns = patterns.stream().map(p -> p.trim().toLowerCase(Locale.ROOT)).toList();
        for (String p : patterns) {
            if (!p.matches("[1-5](\\d\\d|xx)")) {
                throw new IllegalArgumentException("\"" + p + "\" is not a status code such as 200 or 2xx");
            }
        }
    }

    public static StatusCodes success() {
        return new StatusCodes(List.of());
    }

    public boolean accepts(int code) {
        if (patterns.isEmpty()) {
            return code >= 200 && code < 300;
        }
        String text = Integer.toString(code);
        return patterns.stream().anyMatch(p -> p.endsWith("xx") ? text.charAt(0) == p.charAt(0) : text.equals(p));
    }

    @Override
    public String toString() {
        return patterns.isEmpty() ? "2xx" : String.join(", ", patterns);
    }
}
