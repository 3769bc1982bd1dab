package dev.incidentconsole.runbook;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A parsed runbook: everything the app shows, searches, probes and runs comes from here.
 *
 * @param file        where it was read from
 * @param title       the first top-level heading, else the front matter title, else the file name
 * @param lastUpdated the "Last Updated" date when the runbook states one, else {@code null}
 * @param frontMatter YAML front matter keys and values; empty when there is none
 * @param sections    headings and labelled parts in document order (the outline)
 * @param services    services found in tables with a service and a port column
 * @param alerts      alerts named by headings
 * @param index       symptom and component index entries, when the runbook is an index
 * @param warnings    what could not be read as intended, with line numbers
 */
public record Runbook(Path file, String title, LocalDate lastUpdated, Map<String, Object> frontMatter,
                      List<Section> sections, List<ServiceEntry> services, List<Alert> alerts,
                      List<IndexEntry> index, List<ParseWarning> warnings) {
    public Runbook {
        frontMatter = Map.copyOf(frontMatter);
        sections = List.copyOf(sections);
        services = List.copyOf(services);
        alerts = List.copyOf(alerts);
        index = List.copyOf(index);
        warnings = List.copyOf(warnings);
    }

    public List<Section> procedures() {
        return sections.stream().filter(Section::procedure).toList();
    }

    public List<Command> commands() {
        return sections.stream().flatMap(s -> s.commands().stream()).toList();
    }

    /** The section and every section nested below it, in document order. */
    public List<Section> subtree(Section root) {
        return sections.stream()
                .filter(s -> s.index() >= root.index())
                .takeWhile(s -> s.index() == root.index() || s.level() > root.level())
                .toList();
    }
}
