package dev.incidentconsole.runbook;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Groups the walked items into the outline: a section per heading and per bold label, each with its own
 * blocks, then decides which headings are procedures and gathers symptoms and components.
 */
final class SectionBuilder {

    /** Kinds that make up a procedure: a heading whose parts cover two of these is one. */
    private static final Set<SectionKind> CORE = EnumSet.of(SectionKind.SYMPTOM, SectionKind.CAUSE,
            SectionKind.DIAGNOSIS, SectionKind.RESOLUTION, SectionKind.VERIFICATION, SectionKind.ROLLBACK);

    private static final class Draft {
        final List<String> path;
        final int level;
        final int line;
        final SectionKind kind;
        final boolean label;
        final List<Block> blocks = new ArrayList<>();
        int endLine;
        int parent = -1;
        final List<Integer> children = new ArrayList<>();
        boolean procedure;
        boolean procedureBelow;

        Draft(List<String> path, int level, int line, SectionKind kind, boolean label) {
            this.path = path;
            this.level = level;
            this.line = line;
            this.kind = kind;
            this.label = label;
            this.endLine = line;
        }
    }

    private final Components components;
    private final SourceLines source;
    private final List<Draft> drafts = new ArrayList<>();

    SectionBuilder(Components components, SourceLines source) {
        this.components = components;
        this.source = source;
    }

    /** @param preambleTitle path of the section holding content that comes before any heading */
    List<Section> build(List<MarkdownWalker.Item> items, String preambleTitle) {
        Deque<Draft> headings = new ArrayDeque<>();
        Draft current = null;
        for (MarkdownWalker.Item item : items) {
            if (item instanceof MarkdownWalker.HeadingItem h) {
                while (!headings.isEmpty() && headings.peek().level >= h.level()) {
                    headings.pop();
                }
                current = open(childPath(headings.peek(), h.title()), h.level(), h.line(),
                        LabelKinds.kindOf(h.title()), false);
                current.blocks.add(new Block.Text(h.line(), Block.TextType.HEADING, h.level(), h.inlines()));
                headings.push(current);
            } else if (item instanceof MarkdownWalker.LabelItem l) {
                Draft parent = headings.peek();
                current = open(childPath(parent, l.title()), parent == null ? 1 : parent.level + 1, l.line(),
                        LabelKinds.kindOf(l.title()), true);
                current.blocks.add(new Block.Text(l.line(), Block.TextType.LABEL, 0, l.inlines()));
            } else if (item instanceof MarkdownWalker.ContentItem c) {
                if (current == null) {
                    if (c.block() instanceof Block.Text t && t.type() == Block.TextType.RULE) {
                        continue;
                    }
                    current = open(List.of(preambleTitle), 1, c.line(), SectionKind.OTHER, false);
                }
                current.blocks.add(c.block());
                current.blocks.addAll(InlineCommands.steps(c.block(), current.kind, source));
                current.endLine = Math.max(current.endLine, c.endLine());
            }
        }
        link();
        markProcedures();
        return sections();
    }

    private Draft open(List<String> path, int level, int line, SectionKind kind, boolean label) {
        Draft d = new Draft(path, level, line, kind, label);
        drafts.add(d);
        return d;
    }

    private static List<String> childPath(Draft parent, String title) {
        List<String> path = new ArrayList<>(parent == null ? List.of() : parent.path);
        path.add(title);
        return path;
    }

    private void link() {
        Deque<Integer> open = new ArrayDeque<>();
        for (int i = 0; i < drafts.size(); i++) {
            while (!open.isEmpty() && drafts.get(open.peek()).level >= drafts.get(i).level) {
                open.pop();
            }
            if (!open.isEmpty()) {
                drafts.get(i).parent = open.peek();
                drafts.get(open.peek()).children.add(i);
            }
            open.push(i);
        }
    }

    /** Bottom-up, so a heading that only groups procedures (like "Common Issues") is not one itself. */
    private void markProcedures() {
        for (int i = drafts.size() - 1; i >= 0; i--) {
            Draft d = drafts.get(i);
            Set<SectionKind> kinds = EnumSet.noneOf(SectionKind.class);
            boolean labelledParts = false;
            for (int c : d.children) {
                Draft child = drafts.get(c);
                labelledParts |= child.label && CORE.contains(child.kind);
                d.procedureBelow |= child.procedure || child.procedureBelow;
                if (CORE.contains(child.kind)) {
                    kinds.add(child.kind);
                }
            }
            // Labelled parts are deliberate structure; sub-headings only count when one states the problem.
            boolean problemStated = labelledParts || kinds.contains(SectionKind.SYMPTOM)
                    || kinds.contains(SectionKind.CAUSE);
            d.procedure = !d.label && !d.procedureBelow && kinds.size() >= 2 && problemStated;
        }
    }

    /**
     * Names the client a code block is written for where its text does not: its language ({@code ```redis},
     * {@code ```promql}) and redis-cli for lines typed at its {@code 127.0.0.1:6379> } prompt. A section whose
     * commands are Redis's is about Redis even when neither its prose nor its code says the word.
     */
    private static void appendClients(StringBuilder text, List<Block> blocks) {
        for (Block b : blocks) {
            if (b instanceof Block.Code c) {
                Step step = c.step();
                if (!StepReader.SHELL_LANGUAGES.contains(step.language())) {
                    text.append(step.language()).append('\n');
                }
                if (step.text().contains("> ") && step.text().lines().anyMatch(l -> ShellPrompt.address(l.strip()) >= 0)) {
                    text.append("redis-cli\n");
                }
            }
        }
    }

    private List<Section> sections() {
        List<List<String>> ownSymptoms = new ArrayList<>();
        List<List<String>> ownComponents = new ArrayList<>();
        StringBuilder text = new StringBuilder(1024);
        for (Draft d : drafts) {
            List<String> symptoms = d.kind == SectionKind.SYMPTOM ? Symptoms.of(d.blocks) : new ArrayList<>();
            for (String item : Symptoms.labelledItems(d.blocks)) {
                if (!symptoms.contains(item)) {
                    symptoms.add(item);
                }
            }
            ownSymptoms.add(symptoms);
            text.setLength(0);
            Section.appendText(text.append(d.path.get(d.path.size() - 1)).append('\n'), d.blocks);
            appendClients(text, d.blocks);
            ownComponents.add(components.find(text));
        }
        List<Section> out = new ArrayList<>(drafts.size());
        for (int i = 0; i < drafts.size(); i++) {
            Draft d = drafts.get(i);
            Collection<String> symptoms = ownSymptoms.get(i);
            Collection<String> comps = ownComponents.get(i); // already free of repeats
            if (d.procedure) {
                symptoms = new LinkedHashSet<>(symptoms);
                comps = new LinkedHashSet<>(comps);
                for (int j = i + 1; j < drafts.size() && drafts.get(j).level > d.level; j++) {
                    symptoms.addAll(ownSymptoms.get(j));
                    comps.addAll(ownComponents.get(j));
                }
            } else if (symptoms.size() > 1) {
                symptoms = new LinkedHashSet<>(symptoms);
            }
            out.add(new Section(i, d.path, d.level, d.line, d.endLine, d.kind, d.label, d.procedure, d.blocks,
                    List.copyOf(symptoms), List.copyOf(comps)));
        }
        return out;
    }
}
