package dev.incidentconsole.search;

import dev.incidentconsole.runbook.Alert;
import dev.incidentconsole.runbook.Block;
import dev.incidentconsole.runbook.Command;
import dev.incidentconsole.runbook.Inline;
import dev.incidentconsole.runbook.Runbook;
import dev.incidentconsole.runbook.Runner;
import dev.incidentconsole.runbook.Section;
import dev.incidentconsole.runbook.SectionKind;
import dev.incidentconsole.runbook.Step;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds runbook models by hand, the way the parser would, for tests that must not depend on parsing. */
final class Runbooks {

    private final Path file;
    private final String title;
    private final List<Section> sections = new ArrayList<>();
    private final List<Alert> alerts = new ArrayList<>();
    private List<String> headingPath = List.of();
    private int line = 1;

    private Runbooks(Path file, String title) {
        this.file = file;
        this.title = title;
        heading(1, title, "");
    }

    static Runbooks runbook(String file, String title) {
        return new Runbooks(Path.of("/runbooks", file), title);
    }

    /** A heading at the level with prose content (may be empty). */
    Runbooks heading(int level, String text, String prose, String... components) {
        List<String> path = new ArrayList<>(headingPath.subList(0, Math.min(headingPath.size(), level - 1)));
        path.add(text);
        headingPath = path;
        add(path, level, SectionKind.OTHER, false, blocks(prose), List.of(), List.of(components));
        return this;
    }

    /** A bold label under the current heading; symptom labels list their prose lines as symptoms. */
    Runbooks label(String text, SectionKind kind, String prose, String... components) {
        List<String> path = new ArrayList<>(headingPath);
        path.add(text);
        List<String> symptoms = kind == SectionKind.SYMPTOM ? prose.lines().map(String::strip).toList() : List.of();
        add(path, headingPath.size() + 1, kind, true, blocks(prose), symptoms, List.of(components));
        return this;
    }

    /** A shell code block appended to the last section. */
    Runbooks code(String... commands) {
        Section last = sections.remove(sections.size() - 1);
        List<Command> cmds = new ArrayList<>();
        for (String c : commands) {
            cmds.add(new Command(c, line++, "", "", List.of(), Runner.SHELL, null));
        }
        List<Block> blocks = new ArrayList<>(last.blocks());
        blocks.add(new Block.Code(new Step(line, "bash", true, String.join("\n", commands), cmds)));
        sections.add(new Section(last.index(), last.path(), last.level(), last.line(), line, last.kind(),
                last.label(), last.procedure(), blocks, last.symptoms(), last.components()));
        return this;
    }

    /** Marks the current heading as answering an alert. */
    Runbooks alert(String name) {
        alerts.add(new Alert(name, line, headingPath));
        return this;
    }

    Runbook build() {
        return new Runbook(file, title, null, Map.of(), sections, List.of(), alerts, List.of(), List.of());
    }

    private void add(List<String> path, int level, SectionKind kind, boolean label, List<Block> blocks,
                     List<String> symptoms, List<String> components) {
        int start = line++;
        line += blocks.size();
        sections.add(new Section(sections.size(), path, level, start, line - 1, kind, label, false, blocks,
                symptoms, components));
    }

    private List<Block> blocks(String prose) {
        List<Block> blocks = new ArrayList<>();
        int at = line + 1;
        for (String p : prose.split("\n")) {
            if (!p.isBlank()) {
                blocks.add(new Block.Text(at++, Block.TextType.PARAGRAPH, 0, List.of(new Inline(p, Inline.Style.PLAIN))));
            }
        }
        return blocks;
    }
}
