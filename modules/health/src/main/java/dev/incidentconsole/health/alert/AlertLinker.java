package dev.incidentconsole.health.alert;

import dev.incidentconsole.health.FiringAlert;
import dev.incidentconsole.health.ServiceSpec;
import dev.incidentconsole.runbook.Alert;
import dev.incidentconsole.runbook.Runbook;
import dev.incidentconsole.runbook.Section;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the runbook sections that answer a firing alert. Immutable and thread-safe.
 *
 * <p>{@link #answers(FiringAlert)} links, best first: the {@code runbook_url} (or {@code runbook}) annotation
 * resolved to a local runbook and heading anchor ({@link HeadingAnchors}; a URL naming no local file is still
 * returned, to open in a browser); the alert's name in a heading, alerting rule, list item, table cell or inline
 * code (CamelCase aware); the metrics of its expression ({@code generatorURL}'s {@code g0.expr}) in a section.
 * A bold label section ("Diagnosis") answers as the heading it belongs to. {@link #services} says which of the
 * dashboard's services the alert's labels name; their sections are the caller's to add.
 *
 * <p>{@link #link} and {@link #links(String)} keep the older contract: the alert headings
 * ({@link Runbook#alerts()}) whose name matches ignoring case and punctuation.
 */
public final class AlertLinker {
    private final List<Runbook> runbooks;
    private final Map<String, List<AlertLink>> byName = new LinkedHashMap<>();

    public AlertLinker(Collection<Runbook> runbooks) {
        this.runbooks = List.copyOf(runbooks);
        for (Runbook rb : this.runbooks) {
            for (Alert a : rb.alerts()) {
                byName.computeIfAbsent(AlertMentions.key(a.name()), k -> new ArrayList<>()).add(new AlertLink(rb, a));
            }
        }
    }

    /** The first runbook section (in the order runbooks were given) whose heading names the alert. */
    public Optional<AlertLink> link(FiringAlert alert) {
        return links(alert.name()).stream().findFirst();
    }

    /** Every runbook section whose heading names the alert. */
    public List<AlertLink> links(String alertName) {
        return List.copyOf(byName.getOrDefault(AlertMentions.key(alertName), List.of()));
    }

    /**
     * The sections that answer the alert from its annotation, name and expression, best first, each section
     * once (its strongest reason kept). Empty when nothing links it.
     */
    public List<AlertAnswer> answers(FiringAlert alert) {
        List<AlertAnswer> out = new ArrayList<>();
        alert.runbookUrl().ifPresent(url -> out.add(RunbookUrls.resolve(url, runbooks)
                .map(r -> new AlertAnswer(r.runbook(), r.section(), url, AlertAnswer.Kind.RUNBOOK_URL,
                        r.section() == null ? "runbook_url annotation (the runbook; no heading matches its anchor)"
                                : "runbook_url annotation"))
                .orElse(new AlertAnswer(null, null, url, AlertAnswer.Kind.RUNBOOK_URL,
                        "runbook_url annotation; no local runbook matches it, open it in the browser"))));
        out.addAll(ranked(alert.name(), AlertAnswer.Kind.NAME, rb -> AlertMentions.name(rb, alert.name()),
                m -> "name in " + m.where()));
        List<String> metrics = alert.expression().map(AlertLinker::metricsOf).orElse(List.of());
        out.addAll(ranked(alert.name(), AlertAnswer.Kind.EXPRESSION, rb -> AlertMentions.metrics(rb, metrics),
                m -> "expression: " + m.where()));
        return distinct(out);
    }

    /**
     * The services among {@code services} that the alert's labels name ({@code service}, {@code job},
     * {@code app}, {@code component}, {@code container}, {@code deployment}, {@code pod}, {@code instance}
     * host:port, {@code namespace} as a tag), in the given order.
     *
     * @return each service with the label that names it, e.g. {@code service="PgBouncer"}
     */
    public List<LabelMatch> services(FiringAlert alert, List<ServiceSpec> services) {
        return AlertLabels.match(alert, services);
    }

    /** Whether the alert's labels name the service (see {@link #services}). */
    public static boolean concerns(FiringAlert alert, ServiceSpec service) {
        return AlertLabels.why(alert, service) != null;
    }

    /**
     * A service an alert's labels name.
     *
     * @param service the service
     * @param label   the label that names it, as {@code name="value"}
     */
    public record LabelMatch(ServiceSpec service, String label) {
    }

    private List<AlertAnswer> ranked(String name, AlertAnswer.Kind kind,
                                     java.util.function.Function<Runbook, List<AlertMentions.Mention>> find,
                                     java.util.function.Function<AlertMentions.Mention, String> why) {
        record Hit(Runbook rb, Section s, AlertMentions.Mention m, int order) {
        }
        List<Hit> hits = new ArrayList<>();
        for (Runbook rb : runbooks) {
            for (AlertMentions.Mention m : find.apply(rb)) {
                hits.add(new Hit(rb, heading(rb, m.section()), m, hits.size()));
            }
        }
        hits.sort(Comparator.comparingInt((Hit h) -> -h.m().strength())
                .thenComparing(h -> !h.s().procedure())
                .thenComparingInt(Hit::order));
        return hits.stream().map(h -> new AlertAnswer(h.rb(), h.s(), "", kind, why.apply(h.m()))).toList();
    }

    /** A bold label ("Diagnosis") answers as the heading it is part of. */
    private static Section heading(Runbook rb, Section s) {
        if (!s.label()) {
            return s;
        }
        Section owner = s;
        for (Section x : rb.sections()) {
            if (x.index() >= s.index()) {
                break;
            }
            if (!x.label() && x.level() < s.level()) {
                owner = x;
            }
        }
        return owner;
    }

    private static List<String> metricsOf(String expression) {
        List<String> out = new ArrayList<>();
        for (String m : PromQl.metrics(expression)) {
            out.add(m);
            String base = m.replaceFirst("_(bucket|count|sum)$", "");
            if (!base.equals(m) && !out.contains(base)) {
                out.add(base);
            }
        }
        return out;
    }

    private static List<AlertAnswer> distinct(List<AlertAnswer> answers) {
        Map<String, AlertAnswer> out = new LinkedHashMap<>();
        for (AlertAnswer a : answers) {
            String key = a.runbook() == null ? "url:" + a.url()
                    : a.runbook().file() + "#" + (a.section() == null ? "" : a.section().index());
            out.putIfAbsent(key.toLowerCase(Locale.ROOT), a);
        }
        return List.copyOf(out.values());
    }
}
