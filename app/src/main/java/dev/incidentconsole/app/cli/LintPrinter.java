package dev.incidentconsole.app.cli;

import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The human-readable form of {@code lint}: one block per file, most useful facts first. */
final class LintPrinter {
    private final PrintWriter out;

    LintPrinter(PrintWriter out) {
        this.out = out;
    }

    void print(LintReport r) {
        out.printf("%s%n  title: %s%s%n", r.file(), r.title(),
                r.lastUpdated() == null ? "" : "  (last updated " + r.lastUpdated() + ")");
        Map<String, Long> byKind = r.sections().stream()
                .collect(Collectors.groupingBy(LintReport.SectionRef::kind, TreeMap::new, Collectors.counting()));
        out.printf("  sections: %d %s%n", r.sections().size(), byKind);
        out.printf("  procedures: %d%n", r.procedures().size());
        r.procedures().forEach(p -> out.printf("    - %s (line %d)%n", p.path(), p.line()));
        long dangerous = r.commands().stream().filter(LintReport.CommandRef::dangerous).count();
        out.printf("  steps: %d, commands: %d, dangerous: %d%n", r.steps(), r.commands().size(),
                dangerous + r.textDangers().size());
        r.commands().stream().filter(LintReport.CommandRef::dangerous)
                .forEach(c -> out.printf("    ! line %d: %s%n        %s%n", c.line(), oneLine(c.text()), c.reason()));
        r.textDangers().forEach(b -> out.printf("    ! line %d: %s%n        not run by the console,"
                + " destructive if sent to its client: %s%n", b.line(), oneLine(b.text()), b.reason()));
        Set<String> placeholders = new LinkedHashSet<>();
        r.commands().forEach(c -> placeholders.addAll(c.placeholders()));
        if (!placeholders.isEmpty()) {
            out.printf("  placeholders: %s%n", String.join(", ", placeholders));
        }
        if (!r.services().isEmpty()) {
            out.printf("  services: %d%n", r.services().size());
            r.services().forEach(s -> out.printf("    - %s :%d%s%s%n", s.name(), s.port(),
                    s.protocol().isEmpty() ? "" : " " + s.protocol(),
                    s.check().isEmpty() ? "" : "  check: " + s.check()));
        }
        if (!r.alerts().isEmpty()) {
            out.printf("  alerts: %s%n", r.alerts().stream().map(LintReport.AlertRef::name).collect(Collectors.joining(", ")));
        }
        if (!r.index().isEmpty()) {
            out.printf("  index entries: %d%n", r.index().size());
        }
        if (!r.warnings().isEmpty()) {
            out.printf("  warnings: %d%n", r.warnings().size());
            r.warnings().forEach(w -> out.printf("    %s%n", w));
        }
        out.println();
    }

    private static String oneLine(String text) {
        String first = text.lines().findFirst().orElse("");
        return text.contains("\n") ? first + " …" : first;
    }
}
