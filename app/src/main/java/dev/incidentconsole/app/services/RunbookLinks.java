package dev.incidentconsole.app.services;

import dev.incidentconsole.health.FiringAlert;
import dev.incidentconsole.health.RunbookRef;
import dev.incidentconsole.health.ServiceSpec;
import dev.incidentconsole.health.alert.AlertAnswer;
import dev.incidentconsole.health.alert.AlertLinker;
import dev.incidentconsole.health.alert.HeadingAnchors;
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
 * heading first, then those naming it most often, at most {@value #MAX_BY_COMPONENT}). Immutable, thread-safe.
 */
public final class RunbookLinks {
    /** Why a section is linked when the environment file names it for the service. */
    public static final String IN_ENVIRONMENT = "linked in the environment file";
    static final int MAX_BY_COMPONENT = 8;
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
            if (AlertLinker.concerns(a, spec)) {
                answers(a).forEach(l -> out.putIfAbsent(key(l.reference()), l.because("alert " + a.name() + ": " + l.why())));
            }
        }
        portTableRows(spec).forEach(l -> out.putIfAbsent(key(l.reference()), l));
        byComponent(spec).forEach(l -> out.putIfAbsent(key(l.reference()), l));
        return List.copyOf(out.values());
    }

    /** The best section that answers the alert from its annotation, name or expression, if any. */
    public Optional<LinkedSection> forAlert(FiringAlert alert) {
        return answers(alert).stream().findFirst();
    }

    /**
     * Every section that answers the alert, best first, each once: its {@code runbook_url}, its name, the metrics
     * of its expression ({@link AlertLinker#answers}), then, for each of {@code services} its labels name, that
     * service's sections (the environment file's links, procedures about its components, its port-table row).
     */
    public List<LinkedSection> forAlert(FiringAlert alert, List<ServiceSpec> services) {
        Map<String, LinkedSection> out = new LinkedHashMap<>();
        answers(alert).forEach(l -> out.putIfAbsent(key(l.reference()), l));
        for (AlertLinker.LabelMatch m : alerts.services(alert, services)) {
            ServiceSpec spec = m.service();
            List<LinkedSection> own = new ArrayList<>();
            spec.runbooks().stream().filter(r -> r.line() == 0).map(r -> resolve(r, IN_ENVIRONMENT)).forEach(own::add);
            own.addAll(byComponent(spec));
            spec.runbooks().stream().filter(r -> r.line() > 0).map(r -> resolve(r, "port table")).forEach(own::add);
            own.addAll(portTableRows(spec));
            for (LinkedSection l : own) {
                out.putIfAbsent(key(l.reference()), l.because("label " + m.label() + " names service " + spec.name()
                        + " (" + l.why() + ")"));
            }
        }
        return List.copyOf(out.values());
    }

    private List<LinkedSection> answers(FiringAlert alert) {
        List<LinkedSection> out = new ArrayList<>();
        for (AlertAnswer a : alerts.answers(alert)) {
            if (!a.local()) {
                out.add(new LinkedSection(a.url(), a.url(), "", a.why(), false, "", 0, a.url()));
            } else if (a.section() == null) {
                Runbook rb = a.runbook();
                out.add(new LinkedSection(fileName(rb), rb.title(), rb.title(), a.why(), true, rb.file().toString(), 1, a.url()));
            } else {
                out.add(link(a.runbook(), a.section(), a.why()));
            }
        }
        return out;
    }

    private LinkedSection resolve(RunbookRef ref, String why) {
        Path wanted = Path.of(ref.file()).getFileName();
        for (Runbook rb : runbooks) {
            if (wanted == null || !rb.file().getFileName().equals(wanted)) {
                continue;
            }
            if (ref.section().isEmpty()) {
                return new LinkedSection(fileName(rb), rb.title(), rb.title(), why, true, rb.file().toString(), 1, "");
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

    /** A heading written as its title, its path ({@code A > B}) or its GitHub or GitLab anchor. */
    public static boolean headingMatches(Section s, String heading) {
        String h = heading.strip();
        String title = unnumbered(s.title());
        return s.title().equalsIgnoreCase(h) || title.equalsIgnoreCase(unnumbered(h)) || s.pathString().equalsIgnoreCase(h)
                || s.pathString().toLowerCase(Locale.ROOT).endsWith(" > " + h.toLowerCase(Locale.ROOT))
                || anchored(s.title(), h) || anchored(title, h);
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

    private static boolean anchored(String title, String anchor) {
        String a = anchor.toLowerCase(Locale.ROOT);
        return HeadingAnchors.github(title).equals(a) || HeadingAnchors.gitlab(title).equals(a);
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
        record Hit(Runbook rb, Section s, String component, boolean inTitle, int mentions) {
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
                        hits.add(new Hit(rb, s, c, key(s.title()).contains(key(c)), mentions(rb, s, c)));
                        break;
                    }
                }
            }
        }
        return hits.stream().sorted(Comparator.comparing((Hit h) -> !h.inTitle()).thenComparing(h -> -h.mentions()))
                .limit(MAX_BY_COMPONENT).map(h -> link(h.rb(), h.s(), "mentions " + h.component())).toList();
    }

    /** How often the section and its parts name the component: a procedure about it names it more than one in passing. */
    private static int mentions(Runbook rb, Section s, String component) {
        String name = component.toLowerCase(Locale.ROOT);
        int n = 0;
        for (Section part : rb.subtree(s)) {
            String text = (part.title() + "\n" + part.text()).toLowerCase(Locale.ROOT);
            for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length())) {
                n++;
            }
        }
        return n;
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
        return new LinkedSection(fileName(rb) + "#" + s.pathString(), s.title(), rb.title(), why, true,
                rb.file().toString(), s.line(), "");
    }

    private static String fileName(Runbook rb) {
        Path name = rb.file().getFileName();
        return name == null ? rb.file().toString() : name.toString();
    }

    private static String key(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{Alnum}]", "");
    }
}
