package dev.incidentconsole.health.alert;

import dev.incidentconsole.health.FiringAlert;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The same alert reported by several alert sources, typically an Alertmanager and the Prometheus that feeds it,
 * as one. Two reports are the same alert when they have the same name and the same labels, leaving out those a
 * source adds of its own ({@link #SOURCE_LABELS}), and the same start: equal to within {@link #SAME_START}, or
 * Prometheus' earlier, since Prometheus reports when the rule turned pending ({@code activeAt}) and Alertmanager
 * when it fired, after the rule's {@code for:}. Stateless.
 */
public final class MergedAlerts {
    /** Labels one source adds that the other's report of the same alert lacks. */
    public static final Set<String> SOURCE_LABELS = Set.of("alertstate");
    /** How far apart two sources' starts of one alert may be (sources round their timestamps differently). */
    public static final Duration SAME_START = Duration.ofSeconds(1);

    private MergedAlerts() {
    }

    /**
     * An alert and the sources that report it.
     *
     * @param alert   the alert: the Alertmanager's report when one is among them (its start is when the alert
     *                fired), with annotations and expression completed from the others
     * @param sources the names of the sources that report it, in the order they were given
     */
    public record Seen(FiringAlert alert, List<String> sources) {
        public Seen {
            sources = List.copyOf(sources);
        }
    }

    /** The alert's name and labels without {@link #SOURCE_LABELS}: the same for every source's report of it. */
    public static String identity(FiringAlert alert) {
        Map<String, String> labels = new TreeMap<>(alert.labels());
        labels.keySet().removeAll(SOURCE_LABELS);
        return alert.name() + labels;
    }

    /** Whether {@code a} and {@code b} report the same alert (see the class comment). */
    public static boolean same(FiringAlert a, FiringAlert b) {
        return identity(a).equals(identity(b)) && sameStart(a, b);
    }

    /**
     * Merges each source's firing alerts into one list with each alert once.
     *
     * @param bySource each source's alerts, by source name in display order (e.g. a {@link LinkedHashMap})
     * @return the alerts, most severe and then oldest first, each with the sources that report it
     */
    public static List<Seen> merge(Map<String, List<FiringAlert>> bySource) {
        List<FiringAlert> alerts = new ArrayList<>();
        List<List<String>> sources = new ArrayList<>();
        bySource.forEach((source, reported) -> {
            for (FiringAlert a : reported) {
                int k = indexOfSame(alerts, sources, a, source);
                if (k < 0) {
                    alerts.add(a);
                    sources.add(new ArrayList<>(List.of(source)));
                } else {
                    alerts.set(k, combine(alerts.get(k), a));
                    sources.get(k).add(source);
                }
            }
        });
        List<Seen> seen = new ArrayList<>();
        for (int k = 0; k < alerts.size(); k++) {
            seen.add(new Seen(alerts.get(k), sources.get(k)));
        }
        seen.sort((x, y) -> AlertmanagerAlerts.ORDER.compare(x.alert(), y.alert()));
        return seen;
    }

    private static int indexOfSame(List<FiringAlert> alerts, List<List<String>> sources, FiringAlert a, String source) {
        for (int k = 0; k < alerts.size(); k++) {
            if (!sources.get(k).contains(source) && same(alerts.get(k), a)) {
                return k;
            }
        }
        return -1;
    }

    private static boolean sameStart(FiringAlert a, FiringAlert b) {
        Instant x = a.startsAt();
        Instant y = b.startsAt();
        if (x == null || y == null || Duration.between(x, y).abs().compareTo(SAME_START) <= 0) {
            return true;
        }
        if (fromPrometheus(a) != fromPrometheus(b)) {
            FiringAlert prometheus = fromPrometheus(a) ? a : b;
            FiringAlert other = prometheus == a ? b : a;
            return prometheus.startsAt().isBefore(other.startsAt());
        }
        return false;
    }

    /** Prometheus' own alert list says {@code firing}; Alertmanager says {@code active} (or suppressed...). */
    private static boolean fromPrometheus(FiringAlert a) {
        return a.state().equals("firing") || a.state().equals("pending");
    }

    private static FiringAlert combine(FiringAlert kept, FiringAlert other) {
        FiringAlert base = fromPrometheus(kept) && !fromPrometheus(other) ? other : kept;
        FiringAlert rest = base == kept ? other : kept;
        Map<String, String> annotations = new LinkedHashMap<>(rest.annotations());
        annotations.putAll(base.annotations());
        return new FiringAlert(base.name(), base.severity().isEmpty() ? rest.severity() : base.severity(), base.labels(),
                base.summary().isEmpty() ? rest.summary() : base.summary(),
                base.startsAt() != null ? base.startsAt() : rest.startsAt(),
                base.fingerprint().isEmpty() ? rest.fingerprint() : base.fingerprint(), annotations,
                base.generatorUrl().isEmpty() ? rest.generatorUrl() : base.generatorUrl(), base.state(),
                base.endsAt() != null ? base.endsAt() : rest.endsAt());
    }
}
