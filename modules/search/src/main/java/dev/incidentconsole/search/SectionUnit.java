package dev.incidentconsole.search;

import dev.incidentconsole.runbook.Alert;
import dev.incidentconsole.runbook.Block;
import dev.incidentconsole.runbook.Command;
import dev.incidentconsole.runbook.Runbook;
import dev.incidentconsole.runbook.Section;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One unit an engineer would land on: a heading together with the bold-labelled parts under it (Symptoms,
 * Diagnosis, Resolution...), so "429" finds the rate limiting procedure as a whole rather than its Diagnosis
 * label alone. Headings without content of their own (a "Common Issues" that only groups sub-headings) make no
 * unit; the alerts they name go to the next unit, their words reach the sub-sections through the heading path.
 *
 * @param runbook    the runbook the unit belongs to
 * @param head       the heading (the first section of the unit)
 * @param body       the unit's own text: the heading's content and each labelled part's, never a sub-heading's
 * @param symptoms   symptoms listed in the unit
 * @param components canonical component names the unit mentions
 * @param kinds      labels of the kinds of the unit's sections
 * @param commands   the commands of the unit's shell blocks
 * @param alerts     alert names the unit (or an empty heading just above it) is about
 */
record SectionUnit(Runbook runbook, Section head, String body, Set<String> symptoms, Set<String> components,
                   Set<String> kinds, List<Command> commands, List<String> alerts) {

    /** The units of a runbook in document order. */
    static List<SectionUnit> of(Runbook runbook) {
        List<SectionUnit> units = new ArrayList<>();
        List<Section> unit = new ArrayList<>();
        List<String> carried = new ArrayList<>();
        for (Section s : runbook.sections()) {
            if (!s.label() && !unit.isEmpty()) {
                add(runbook, unit, carried, units);
                unit.clear();
            }
            unit.add(s);
        }
        if (!unit.isEmpty()) {
            add(runbook, unit, carried, units);
        }
        return units;
    }

    /** The headings above this unit, the runbook's title first: context shared with its sibling units. */
    List<String> ancestors() {
        List<String> ancestors = new ArrayList<>(head.path().subList(0, Math.max(0, head.path().size() - 1)));
        if (!ancestors.contains(runbook.title())) {
            ancestors.add(0, runbook.title());
        }
        return ancestors;
    }

    private static void add(Runbook runbook, List<Section> unit, List<String> carried, List<SectionUnit> units) {
        Section head = unit.get(0);
        StringBuilder body = new StringBuilder(IndexPointers.ownText(runbook, head));
        Set<String> symptoms = new LinkedHashSet<>();
        Set<String> components = new LinkedHashSet<>();
        Set<String> kinds = new LinkedHashSet<>();
        List<Command> commands = new ArrayList<>();
        for (Section s : unit) {
            if (s != head) {
                String text = IndexPointers.ownText(runbook, s);
                // The label is usually part of its own first paragraph ("Symptoms: ..."); name it only if not.
                String lead = text.startsWith(s.title()) ? "" : s.title() + ": ";
                body.append(body.length() > 0 ? "\n" : "").append(lead).append(text);
            }
            symptoms.addAll(IndexPointers.ownSymptoms(runbook, s));
            components.addAll(s.components());
            kinds.add(s.kind().label());
            commands.addAll(s.commands());
        }
        carried.addAll(alertsOf(runbook, unit));
        if (symptoms.isEmpty() && unit.stream().noneMatch(SectionUnit::hasContent)) {
            return;
        }
        List<String> alerts = List.copyOf(new LinkedHashSet<>(carried));
        carried.clear();
        units.add(new SectionUnit(runbook, head, body.toString(), symptoms, components, kinds, commands, alerts));
    }

    /** Whether the section has text of its own besides its heading line. */
    private static boolean hasContent(Section s) {
        return s.blocks().stream().anyMatch(b -> !(b instanceof Block.Text t)
                || (t.type() != Block.TextType.HEADING && !t.plain().isBlank()));
    }

    /** Alerts named by the unit's heading or one of its labelled parts. */
    private static List<String> alertsOf(Runbook runbook, List<Section> unit) {
        Set<List<String>> paths = new HashSet<>();
        unit.forEach(s -> paths.add(s.path()));
        return runbook.alerts().stream().filter(a -> paths.contains(a.sectionPath()))
                .map(Alert::name).distinct().toList();
    }
}
