package dev.incidentconsole.app.gui.runbooks;

import dev.incidentconsole.runbook.Command;
import dev.incidentconsole.runbook.ParseWarning;
import dev.incidentconsole.runbook.Runbook;
import dev.incidentconsole.runbook.Section;
import dev.incidentconsole.runbook.SectionKind;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One entry of the runbook outline: a whole runbook, or a section with the sections nested below it.
 * Immutable and built off the FX thread; compared by identity, so the tree can find its items.
 */
public final class OutlineNode {
    private final Runbook runbook;
    private final Section section;
    private final List<Section> shown;
    private final List<OutlineNode> children = new ArrayList<>();
    private final List<ParseWarning> warnings;
    private final int commandCount;
    private final boolean dangerous;

    private OutlineNode(Runbook runbook, Section section, List<Section> shown) {
        this.runbook = runbook;
        this.section = section;
        this.shown = shown;
        this.warnings = section == null ? runbook.warnings() : warningsWithin(runbook, shown);
        List<Command> commands = shown.stream().flatMap(s -> s.commands().stream()).toList();
        this.commandCount = commands.size();
        this.dangerous = commands.stream().anyMatch(Command::dangerous);
    }

    /**
     * The outline of a runbook: sections nest by level. A lone top heading repeating the runbook's title is
     * folded into the runbook entry, so the tree does not show the title twice.
     */
    public static OutlineNode of(Runbook runbook) {
        OutlineNode root = new OutlineNode(runbook, null, runbook.sections());
        Deque<OutlineNode> open = new ArrayDeque<>();
        for (Section s : runbook.sections()) {
            while (!open.isEmpty() && open.peek().section.level() >= s.level()) {
                open.pop();
            }
            OutlineNode node = new OutlineNode(runbook, s, runbook.subtree(s));
            (open.isEmpty() ? root : open.peek()).children.add(node);
            open.push(node);
        }
        if (root.children.size() == 1 && root.children.get(0).title().equalsIgnoreCase(runbook.title())) {
            OutlineNode titleNode = root.children.remove(0);
            root.children.addAll(titleNode.children);
        }
        return root;
    }

    /**
     * The outlines of {@code runbooks}, in their order, reusing the entry of {@code shown} for each runbook that
     * is unchanged (equal), so that the tree keeps its items and the open section page stays as it is. Compares
     * every runbook deeply: call off the FX thread.
     */
    public static List<OutlineNode> reusing(List<OutlineNode> shown, List<Runbook> runbooks) {
        Map<Path, OutlineNode> byFile = new HashMap<>();
        shown.forEach(o -> byFile.put(o.file(), o));
        return runbooks.stream().map(r -> {
            OutlineNode old = byFile.get(absolute(r.file()));
            return old != null && old.runbook.equals(r) ? old : of(r);
        }).toList();
    }

    /** The runbook's file, absolute: two runbooks with the same name in different folders are different files. */
    public Path file() {
        return absolute(runbook.file());
    }

    /**
     * Whether {@code other} is the same place in a runbook, perhaps as read again: the same file and the same
     * section path (both the whole runbook, or sections with equal heading paths).
     */
    public boolean samePlace(OutlineNode other) {
        return file().equals(other.file()) && (section == null ? other.section == null
                : other.section != null && section.pathString().equals(other.section.pathString()));
    }

    private static Path absolute(Path file) {
        return file.toAbsolutePath().normalize();
    }

    public Runbook runbook() {
        return runbook;
    }

    /** The section, or {@code null} for a whole runbook. */
    public Section section() {
        return section;
    }

    public boolean isRunbook() {
        return section == null;
    }

    public String title() {
        return section == null ? runbook.title() : section.title();
    }

    public List<OutlineNode> children() {
        return Collections.unmodifiableList(children);
    }

    /** The sections to show when this entry is selected: the section and everything nested below it. */
    public List<Section> shownSections() {
        return shown;
    }

    /** Parse warnings that fall inside the shown sections (all of them for a runbook). */
    public List<ParseWarning> warnings() {
        return warnings;
    }

    public int commandCount() {
        return commandCount;
    }

    /** Whether any shown command is destructive. */
    public boolean dangerous() {
        return dangerous;
    }

    public boolean procedure() {
        return section != null && section.procedure();
    }

    public SectionKind kind() {
        return section == null ? SectionKind.OTHER : section.kind();
    }

    /** This node and all below it, depth first. */
    public List<OutlineNode> flatten() {
        List<OutlineNode> all = new ArrayList<>();
        all.add(this);
        children.forEach(c -> all.addAll(c.flatten()));
        return all;
    }

    @Override
    public String toString() {
        return section == null ? runbook.file().getFileName() + "" : runbook.file().getFileName() + "#" + section.pathString();
    }

    private static List<ParseWarning> warningsWithin(Runbook runbook, List<Section> shown) {
        if (shown.isEmpty()) {
            return List.of();
        }
        int from = shown.get(0).line();
        int to = shown.get(shown.size() - 1).endLine();
        return runbook.warnings().stream().filter(w -> w.line() >= from && w.line() <= to).toList();
    }
}
