package dev.incidentconsole.app.cli;

import dev.incidentconsole.incident.Times;
import dev.incidentconsole.app.services.LinkedSection;
import dev.incidentconsole.app.services.RunbookLinks;
import dev.incidentconsole.health.Dependency;
import dev.incidentconsole.health.FiringAlert;
import dev.incidentconsole.health.ServiceSpec;
import dev.incidentconsole.health.Status;
import dev.incidentconsole.health.alert.MergedAlerts;
import dev.incidentconsole.health.schedule.ServiceStatus;
import dev.incidentconsole.health.spec.AlertmanagerSpec;
import dev.incidentconsole.runbook.SecretMasker;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Help.Ansi;

/**
 * Prints services as a fixed-width table (status, service, address, probe, latency, last check, reason with
 * unhealthy dependencies), then the alerts firing in any Alertmanager with the runbook sections that answer each
 * (at most three, best first, each with why).
 * Status words are coloured when the terminal supports it; credentials in reasons are masked.
 */
final class CheckTable {
    private static final String ROW = "%-9s %-26s %-24s %-12s %8s %-10s %s";
    private static final int SECTIONS_PER_ALERT = 3;
    private final PrintWriter out;
    private final boolean ansi;
    private final RunbookLinks links;

    CheckTable(PrintWriter out, boolean ansi, RunbookLinks links) {
        this.out = out;
        this.ansi = ansi;
        this.links = links;
    }

    void print(String heading, List<ServiceStatus> statuses, Instant now) {
        out.println(heading + ": " + summary(statuses) + " at " + Times.clock(now));
        out.println();
        out.println(String.format(ROW, "STATUS", "SERVICE", "ADDRESS", "PROBE", "LATENCY", "CHECKED", "REASON").stripTrailing());
        for (ServiceStatus s : statuses) {
            String word = String.format("%-9s", s.status().name());
            String line = String.format(ROW, "", cut(s.name(), 26), cut(s.spec().address(), 24), s.spec().probe().kind(),
                    s.status() != Status.UNKNOWN ? latency(s.last().latency()) : "-", ago(s, now), reason(s));
            out.println(colour(word, s.status()) + line.substring(9).stripTrailing());
        }
        alerts(statuses);
    }

    private void alerts(List<ServiceStatus> statuses) {
        List<ServiceStatus> managers = statuses.stream().filter(s -> s.spec().probe() instanceof AlertmanagerSpec).toList();
        if (managers.isEmpty()) {
            return;
        }
        Map<String, List<FiringAlert>> bySource = new LinkedHashMap<>();
        managers.forEach(s -> bySource.put(s.name(), s.last().alerts()));
        List<FiringAlert> firing = MergedAlerts.merge(bySource).stream().map(MergedAlerts.Seen::alert).toList();
        out.println();
        boolean answering = managers.stream().anyMatch(s -> s.status().answering());
        out.println(!firing.isEmpty() ? "Firing alerts:" : answering ? "No alerts firing."
                : "Alertmanager not answering: firing alerts unknown.");
        List<ServiceSpec> services = statuses.stream().map(ServiceStatus::spec).toList();
        for (FiringAlert a : firing) {
            out.println("  " + String.format("%-9s %-28s %s", a.severity().isEmpty() ? "-" : a.severity(), a.name(),
                    SecretMasker.standard().mask(a.summary())).stripTrailing());
            List<LinkedSection> answers = links.forAlert(a, services);
            if (answers.isEmpty()) {
                out.println("            runbook: no runbook answers this alert");
            }
            for (LinkedSection l : answers.subList(0, Math.min(answers.size(), SECTIONS_PER_ALERT))) {
                out.println("            runbook: " + (l.webOnly() ? l.url() : l.reference() + (l.line() > 0 ? ":" + l.line() : ""))
                        + "  (" + l.why() + ")");
            }
            if (answers.size() > SECTIONS_PER_ALERT) {
                out.println("            and " + (answers.size() - SECTIONS_PER_ALERT) + " more (check --json lists them all)");
            }
        }
    }

    private static String summary(List<ServiceStatus> statuses) {
        Map<Status, Long> n = new EnumMap<>(Status.class);
        statuses.forEach(s -> n.merge(s.status(), 1L, Long::sum));
        return statuses.size() + (statuses.size() == 1 ? " service" : " services") + ", "
                + n.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().label()).collect(Collectors.joining(", "));
    }

    private static String reason(ServiceStatus s) {
        List<String> sick = s.last().dependencies().stream().filter(d -> d.status() != Status.UP)
                .map(CheckTable::dependency).toList();
        String reason = SecretMasker.standard().mask(s.reason());
        return sick.isEmpty() ? reason : reason + " [" + String.join(", ", sick) + "]";
    }

    private static String dependency(Dependency d) {
        return d.name() + ": " + d.raw();
    }

    private String colour(String text, Status status) {
        if (!ansi) {
            return text;
        }
        String style = switch (status) {
            case UP -> "green";
            case DEGRADED -> "yellow";
            case DOWN -> "red";
            case UNKNOWN -> "faint";
        };
        return Ansi.ON.string("@|bold," + style + " " + text + "|@");
    }

    private static String latency(Duration d) {
        long ms = d.toMillis();
        return ms < 1000 ? ms + " ms" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    private static String ago(ServiceStatus s, Instant now) {
        if (s.status() == Status.UNKNOWN && s.history().isEmpty()) {
            return "not yet";
        }
        long sec = Math.max(0, Duration.between(s.last().checkedAt(), now).toSeconds());
        return sec < 60 ? sec + " s ago" : sec / 60 + " min ago";
    }

    private static String cut(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }
}
