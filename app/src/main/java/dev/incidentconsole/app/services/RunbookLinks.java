package dev.incidentconsole.app.services;

import dev.incidentconsole.health.FiringAlert;
import dev.incidentconsole.health.RunbookRef;
import dev.incidentconsole.health.ServiceSpec;
import dev.incidentconsole.health.alert.AlertLinker;
import dev.incidentconsole.runbook.Alert;
import dev.incidentconsole.runbook.Runbook;
import dev.incidentconsole.runbook.Section;
import dev.incidentconsole.runbook.ServiceEntry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds the runbook sections that fit a service, best first: explicit links of the environment file (or
 * the port-table row the service came from), sections of firing alerts about it, the port-table row that
 * names it, then procedures and alert sections about its components (those naming the component in their
 * heading first, at most {@value #MAX_BY_COMPONENT}). Immutable, thread-safe.
 */
public final class RunbookLinks {
    /** Why a section is linked when the environment file names it for the service. */
    public static final String IN_ENVIRONMENT = "linked in the environment file";
    static final int MAX_BY_COMPONENT = 8;
    private static final List<String> ALERT_LABELS = List.of("service", "job", "app", "component", "container");
    private final List<Runbook> runbooks;
    private final AlertLinker alerts;

    public RunbookLinks(List<Runbook> runbooks) {
        this.runbooks = List.copyOf(runbooks);
        this.alerts = new AlertLinker(this.runbooks);
    }

    /** Sections for the service; {@code firing} are the alerts firing now (any service's). */
    public List<LinkedSection> forService(ServiceSpec spec, List<FiringAlert> firing) {
        Map<String, LinkedSection> out = new LinkedHashMap<>();
        for (RunbookRef ref : spec.runbooks()) {
            LinkedSection link = resolve(ref, ref.line() > 0 ? "port table" : IN_ENVIRONMENT);
            out.putIfAbsent(key(link.reference()), link);
        }
        for (FiringAlert a : firing) {
            if (about(a, spec)) {
                forAlert(a).ifPresent(l -> out.putIfAbsent(key(l.reference()), l));
            }
        }
        portTableRows(spec).forEach(l -> out.putIfAbsent(key(l.reference()), l));
        byComponent(spec).forEach(l -> out.putIfAbsent(key(l.reference()), l));
        return List.copyOf(out.values());
    }

    /** The section of the runbook that names the alert, if any runbook does. */
    public Optional<LinkedSection> forAlert(FiringAlert alert) {
        return alerts.link(alert).flatMap(l -> l.section().map(s -> link(l.runbook(), s, "alert " + alert.name())));
    }

    private LinkedSection resolve(RunbookRef ref, String why) {
        Path wanted = Path.of(ref.file()).getFileName();
        for (Runbook rb : runbooks) {
            if (wanted == null || !rb.file().getFileName().equals(wanted)) {
                continue;
            }
            if (ref.section().isEmpty()) {
                return new LinkedSection(fileName(rb), rb.title(), rb.title(), why, true);
            }
            Optional<Section> s = rb.sections().stream().filter(x -> headingMatches(x, ref.section())).findFirst()
                    .or(() -> alertSection(rb, ref.section()));
            if (s.isPresent()) {
                return link(rb, s.get(), why);
            }
        }
        String reference = wanted + (ref.section().isEmpty() ? "" : "#" + ref.section());
        return new LinkedSection(reference, ref.section().isEmpty() ? String.valueOf(wanted) : ref.section(),
                String.valueOf(wanted), why, false);
    }

    /** A heading written as its title, its path ({@code A > B}) or a GitHub-style anchor. */
    public static boolean headingMatches(Section s, String heading) {
        String h = heading.strip();
        String title = unnumbered(s.title());
        return s.title().equalsIgnoreCase(h) || title.equalsIgnoreCase(unnumbered(h)) || s.pathString().equalsIgnoreCase(h)
                || s.pathString().toLowerCase(Locale.ROOT).endsWith(" > " + h.toLowerCase(Locale.ROOT))
                || anchor(s.title()).equals(h.toLowerCase(Locale.ROOT)) || anchor(title).equals(h.toLowerCase(Locale.ROOT));
    }

    /** {@code 1. Backend Health Check Failing} is linked as {@code Backend Health Check Failing}. */
    private static String unnumbered(String title) {
        return title.replaceFirst("^\\d+[.)]\\s+", "");
    }

    /** {@code alerts.md#RedisDown}: the section of the alert of that name. */
    private static Optional<Section> alertSection(Runbook rb, String name) {
        return rb.alerts().stream().filter(a -> key(a.name()).equals(key(name))).findFirst()
                .flatMap(a -> rb.sections().stream().filter(x -> x.path().equals(a.sectionPath())).findFirst());
    }

    private static String anchor(String title) {
        return title.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }

    private static boolean about(FiringAlert a, ServiceSpec spec) {
        Set<String> names = spec.components().stream().map(RunbookLinks::key).collect(Collectors.toSet());
        names.add(key(spec.name()));
        return ALERT_LABELS.stream().map(a.labels()::get).anyMatch(v -> v != null && names.contains(key(v)))
                || Optional.ofNullable(a.labels().get("instance")).filter(i -> spec.port() > 0)
                        .map(i -> i.equalsIgnoreCase(spec.address())).orElse(false);
    }

    private List<LinkedSection> portTableRows(ServiceSpec spec) {
        List<LinkedSection> out = new ArrayList<>();
        for (Runbook rb : runbooks) {
            for (ServiceEntry e : rb.services()) {
                if (e.name().equalsIgnoreCase(spec.name())) {
                    containing(rb, e.line()).ifPresent(s -> out.add(link(rb, s, "port table")));
                }
            }
        }
        return out;
    }

    private List<LinkedSection> byComponent(ServiceSpec spec) {
        if (spec.components().isEmpty()) {
            return List.of();
        }
        record Hit(Runbook rb, Section s, String component, boolean inTitle) {
        }
        List<Hit> hits = new ArrayList<>();
        for (Runbook rb : runbooks) {
            Set<List<String>> alertPaths = rb.alerts().stream().map(Alert::sectionPath).collect(Collectors.toSet());
            for (Section s : rb.sections()) {
                if (!s.procedure() && !alertPaths.contains(s.path())) {
                    continue;
                }
                for (String c : spec.components()) {
                    if (s.components().stream().anyMatch(c::equalsIgnoreCase)) {
                        hits.add(new Hit(rb, s, c, key(s.title()).contains(key(c))));
                        break;
                    }
                }
            }
        }
        return hits.stream().sorted(Comparator.comparing((Hit h) -> !h.inTitle()))
                .limit(MAX_BY_COMPONENT).map(h -> link(h.rb(), h.s(), "mentions " + h.component())).toList();
    }

    private static Optional<Section> containing(Runbook rb, int line) {
        Section best = null;
        for (Section s : rb.sections()) {
            if (s.line() <= line && !s.label()) {
                best = s;
            }
        }
        return Optional.ofNullable(best);
    }

    private static LinkedSection link(Runbook rb, Section s, String why) {
        return new LinkedSection(fileName(rb) + "#" + s.pathString(), s.title(), rb.title(), why, true);
    }

    private static String fileName(Runbook rb) {
        Path name = rb.file().getFileName();
        return name == null ? rb.file().toString() : name.toString();
    }

    private static String key(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{Alnum}]", "");
    }
}
