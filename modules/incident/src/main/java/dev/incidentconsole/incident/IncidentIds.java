package dev.incidentconsole.incident;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Incident ids: {@code INC-20261122-3f9a1c}, the UTC start date and the first six hex digits of the
 * creation entry's UUID. No counter, so a client can open an incident while the team database is
 * unreachable without two clients handing out the same number; six hex digits make a clash on the same
 * day about one in 170,000 for ten incidents, and a clash is refused by the store, not merged.
 */
public final class IncidentIds {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
    private static final Pattern SHAPE = Pattern.compile("INC-\\d{8}-[0-9a-f]{6}");

    private IncidentIds() {
    }

    public static String of(UUID creationEntry, Instant startedAt) {
        return "INC-" + DAY.format(startedAt) + "-" + creationEntry.toString().substring(0, 6);
    }

    /** Whether {@code text} has the shape of an incident id (imported ids may have another shape). */
    public static boolean looksLikeId(String text) {
        return text != null && SHAPE.matcher(text).matches();
    }
}
