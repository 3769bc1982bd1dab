package dev.incidentconsole.app.gui.runbooks;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.incidentconsole.app.gui.Icons;
import dev.incidentconsole.app.gui.util.MatchHighlighter;
import dev.incidentconsole.app.gui.util.PageKeys;
import dev.incidentconsole.runbook.Block;
import dev.incidentconsole.runbook.Command;
import dev.incidentconsole.runbook.ParseWarning;
import dev.incidentconsole.runbook.Runbook;
import dev.incidentconsole.runbook.Section;
import dev.incidentconsole.runbook.SectionKind;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.BreadCrumbBar;
import org.kordamp.ikonli.feather.Feather;

/**
 * Shows one outline entry as a page: breadcrumb, title and facts, parse warnings, then every shown section
 * rendered with native nodes ({@link MarkdownNodes}, {@link StepCard}). Rebuilt when the entry changes.
 */
final class SectionView extends ScrollPane {
    private static final int MAX_WARNINGS = 8;

    private final ObjectProperty<OutlineNode> node = new SimpleObjectProperty<>();
    private final ObjectProperty<BiConsumer<Runbook, Section>> startIncident = new SimpleObjectProperty<>();
    private final ObjectProperty<List<String>> highlight = new SimpleObjectProperty<>(List.of());
    private final MarkdownNodes markdown;
    private final VBox page = new VBox();
    private final Function<OutlineNode, List<OutlineNode>> trail;
    private final Consumer<OutlineNode> open;

    /**
     * @param trail the entries above a shown section ({@link RunbookTreeViewModel#trail})
     * @param open  shows another entry (a breadcrumb clicked)
     */
    SectionView(Consumer<String> copier, Function<OutlineNode, List<OutlineNode>> trail, Consumer<OutlineNode> open) {
        this.markdown = new MarkdownNodes(copier);
        this.trail = trail;
        this.open = open;
        getStyleClass().addAll("section-view", Tweaks.EDGE_TO_EDGE);
        setFitToWidth(true);
        page.getStyleClass().add("section-page");
        setContent(page);
        PageKeys.install(this);
        node.addListener((obs, old, now) -> render(now));
        highlight.addListener(obs -> render(node.get())); // invalidation: the same words again re-scroll too
        // Set after the view is made (and maybe after a section was selected): the header gains its button then.
        startIncident.addListener((obs, old, now) -> render(node.get()));
        render(null);
    }

    ObjectProperty<OutlineNode> nodeProperty() {
        return node;
    }

    /** What the header's "Start incident" button does with the shown section; no button while null. */
    ObjectProperty<BiConsumer<Runbook, Section>> startIncidentProperty() {
        return startIncident;
    }

    /** Words to highlight in the shown section (from a search); the first one is scrolled into view. */
    ObjectProperty<List<String>> highlightProperty() {
        return highlight;
    }

    private void render(OutlineNode entry) {
        List<String> terms = highlight.get();
        page.getChildren().clear();
        setVvalue(0);
        if (entry == null) {
            Label hint = new Label("Pick a runbook or a section on the left.", Icons.of(Feather.BOOK_OPEN));
            hint.getStyleClass().addAll("section-placeholder", Styles.TEXT_MUTED);
            page.setAlignment(Pos.CENTER);
            page.getChildren().add(hint);
            setFitToHeight(true);
            return;
        }
        setFitToHeight(false);
        page.setAlignment(Pos.TOP_LEFT);
        page.getChildren().add(header(entry));
        if (!entry.warnings().isEmpty()) {
            page.getChildren().add(warnings(entry.warnings()));
        }
        List<Section> sections = entry.shownSections();
        int baseLevel = sections.isEmpty() ? 1 : sections.get(0).level();
        for (Section s : sections) {
            boolean own = s == entry.section() || entry.isRunbook() && s.title().equalsIgnoreCase(entry.title()) && s.level() == 1;
            if (!own) {
                page.getChildren().add(heading(s, baseLevel));
            }
            page.getChildren().addAll(markdown.blocks(withoutHeading(s)));
        }
        if (sections.stream().allMatch(s -> withoutHeading(s).isEmpty())) {
            Label none = new Label(entry.warnings().isEmpty() ? "This section has no content." : "Nothing readable in this file.");
            none.getStyleClass().add(Styles.TEXT_MUTED);
            page.getChildren().add(none);
        }
        List<Node> marks = terms == null ? List.of() : MatchHighlighter.highlight(page, terms);
        if (!marks.isEmpty()) {
            MatchHighlighter.revealLater(this, marks.get(0));
        }
    }

    /** The section's blocks without the heading or label that opens it: the page draws that itself. */
    private static List<Block> withoutHeading(Section s) {
        List<Block> blocks = s.blocks();
        if (!blocks.isEmpty() && blocks.get(0) instanceof Block.Text t && t.line() == s.line()
                && (t.type() == Block.TextType.HEADING || t.type() == Block.TextType.LABEL)) {
            return blocks.subList(1, blocks.size());
        }
        return blocks;
    }

    /**
     * The runbook and the sections above the shown one, each a link that shows it (ControlsFX's bar over the
     * outline's path; its own arrow skin replaced by flat links in the theme's colours).
     */
    private Node crumbs(List<OutlineNode> above) {
        BreadCrumbBar<OutlineNode> bar = new BreadCrumbBar<>(BreadCrumbBar.buildTreeModel(above.toArray(OutlineNode[]::new)));
        bar.getStyleClass().add("breadcrumb");
        bar.setAutoNavigationEnabled(false);
        bar.setCrumbFactory(item -> {
            Button crumb = new Button(item.getValue().title() + "  \u203a");
            crumb.setMnemonicParsing(false);
            crumb.getStyleClass().addAll(Styles.FLAT, "crumb");
            return crumb;
        });
        bar.setOnCrumbAction(e -> open.accept(e.getSelectedCrumb().getValue()));
        return bar;
    }

    private Node header(OutlineNode entry) {
        Runbook runbook = entry.runbook();
        VBox header = new VBox(6);
        header.getStyleClass().add("section-header");
        List<OutlineNode> above = entry.isRunbook() ? List.of() : trail.apply(entry);
        if (!above.isEmpty()) {
            header.getChildren().add(crumbs(above));
        }
        Label title = new Label(entry.title());
        title.getStyleClass().addAll(Styles.TITLE_2, "section-title");
        title.setWrapText(true);
        header.getChildren().addAll(title, facts(entry));
        BiConsumer<Runbook, Section> start = startIncident.get();
        if (start != null && !entry.isRunbook()) {
            javafx.scene.control.Button button = new javafx.scene.control.Button("Start incident", Icons.of(Feather.ALERT_OCTAGON));
            button.setId("start-incident");
            button.getStyleClass().add(Styles.DANGER);
            button.setOnAction(e -> start.accept(runbook, entry.section()));
            header.getChildren().add(button);
        }
        return header;
    }

    private Node facts(OutlineNode entry) {
        FlowPane facts = new FlowPane(8, 6);
        facts.getStyleClass().add("section-facts");
        Runbook runbook = entry.runbook();
        int line = entry.isRunbook() ? 0 : entry.section().line();
        facts.getChildren().add(fact(Feather.FILE_TEXT, runbook.file().getFileName() + (line > 0 ? ":" + line : ""), "fact"));
        if (entry.procedure()) {
            facts.getChildren().add(fact(Feather.LAYERS, "Procedure", "fact-accent"));
        } else if (!entry.isRunbook() && entry.kind() != SectionKind.OTHER) {
            facts.getChildren().add(fact(Icons.forKind(entry.kind()), capitalized(entry.kind().label()), "fact-accent"));
        }
        if (entry.commandCount() > 0) {
            facts.getChildren().add(fact(Feather.TERMINAL, entry.commandCount() + (entry.commandCount() == 1 ? " command" : " commands"), "fact"));
        }
        long dangerous = entry.shownSections().stream().flatMap(s -> s.commands().stream()).filter(Command::dangerous).count();
        if (dangerous > 0) {
            facts.getChildren().add(fact(Feather.ZAP, dangerous + " destructive", "fact-danger"));
        }
        if (runbook.lastUpdated() != null) {
            facts.getChildren().add(fact(Feather.CALENDAR, "Updated " + runbook.lastUpdated(), "fact"));
        }
        return facts;
    }

    private Node warnings(List<ParseWarning> warnings) {
        String text = warnings.stream().limit(MAX_WARNINGS).map(w -> "\u2022 " + w).collect(Collectors.joining("\n"))
                + (warnings.size() > MAX_WARNINGS ? "\n\u2026 and " + (warnings.size() - MAX_WARNINGS) + " more" : "");
        String title = warnings.size() == 1 ? "1 warning while reading this runbook" : warnings.size() + " warnings while reading this runbook";
        Message message = new Message(title, text, Icons.of(Feather.ALERT_TRIANGLE));
        message.getStyleClass().addAll(Styles.WARNING, "parse-warnings");
        return message;
    }

    private Node heading(Section s, int baseLevel) {
        int depth = Math.max(0, s.level() - baseLevel);
        Label heading = new Label(s.title());
        heading.setWrapText(true);
        if (s.label() || s.kind() != SectionKind.OTHER) {
            heading.setGraphic(Icons.of(Icons.forKind(s.kind()), "icon-accent"));
        }
        if (s.label()) {
            heading.getStyleClass().add("part-heading");
        } else {
            heading.getStyleClass().addAll("section-heading", depth <= 1 ? Styles.TITLE_3 : Styles.TITLE_4);
        }
        return heading;
    }

    private static Label fact(Feather glyph, String text, String style) {
        Label label = new Label(text, Icons.of(glyph));
        label.getStyleClass().addAll("fact-chip", style);
        return label;
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
