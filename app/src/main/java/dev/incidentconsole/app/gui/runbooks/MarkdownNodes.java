package dev.incidentconsole.app.gui.runbooks;

import atlantafx.base.theme.Styles;
import dev.incidentconsole.app.gui.util.MaskedText;
import dev.incidentconsole.app.gui.util.MaskedTextFlow;
import dev.incidentconsole.runbook.Block;
import dev.incidentconsole.runbook.Command;
import dev.incidentconsole.runbook.Inline;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * Turns a section's blocks into native JavaFX nodes: prose with inline styles, lists with depth and
 * numbering, tables, quotes, code blocks as {@link StepCard}s, and commands read from inline code where the prose
 * has them ({@link InlineStepNode}). No WebView: nodes stay light, themable
 * and testable.
 */
final class MarkdownNodes {
    /** Longer inline code is drawn as plain monospace text, because a chip cannot wrap across lines. */
    private static final int MAX_CHIP_LENGTH = 48;
    private static final int MAX_DEPTH = 16;
    private static final double INDENT = 22;
    private static final int SHORT_CELL = 24;

    private final Consumer<String> copier;

    MarkdownNodes(Consumer<String> copier) {
        this.copier = copier;
    }

    /** Nodes for {@code blocks}, in order; numbered items are counted per list depth. */
    List<Node> blocks(List<Block> blocks) {
        List<Node> nodes = new ArrayList<>();
        int[] numbers = new int[MAX_DEPTH + 1];
        for (int k = 0; k < blocks.size(); k++) {
            Block block = blocks.get(k);
            if (block instanceof Block.Text t) {
                Map<Integer, Command> steps = inlineSteps(blocks, k);
                nodes.add(text(t, number(numbers, t), steps));
                nodes.addAll(notes(t, steps));
            } else if (block instanceof Block.Table table) {
                nodes.add(table(table));
            } else if (block instanceof Block.Code code && !shownInPlace(code)) {
                // an inline step of several commands has no one place in the prose: it gets a card as a block does
                nodes.add(new StepCard(code.step(), copier));
            }
        }
        return nodes;
    }

    /**
     * The commands read from inline code of the text block at {@code k} (the {@link Block.Code#inline() inline}
     * steps after it), by the index of their span: shown in place, where the prose has them, not as cards.
     */
    private static Map<Integer, Command> inlineSteps(List<Block> blocks, int k) {
        Map<Integer, Command> out = Map.of();
        for (int j = k + 1; j < blocks.size() && blocks.get(j) instanceof Block.Code c && c.inline(); j++) {
            if (shownInPlace(c)) {
                if (out.isEmpty()) {
                    out = new HashMap<>();
                }
                out.put(c.span(), c.step().commands().get(0));
            }
        }
        return out;
    }

    /** Whether {@code code} is an inline step of one command, shown in its prose by {@link #inlineSteps}. */
    private static boolean shownInPlace(Block.Code code) {
        return code.inline() && code.step().commands().size() == 1;
    }

    /**
     * What the in-place steps of {@code t} say under it, in span order: why each is destructive or will not run,
     * indented as the text is.
     */
    private static List<Node> notes(Block.Text t, Map<Integer, Command> steps) {
        if (steps.isEmpty()) {
            return List.of();
        }
        List<Node> out = new ArrayList<>(2);
        steps.keySet().stream().sorted().forEach(span -> CommandBadges.notes(steps.get(span)).forEach(note -> {
            note.setPadding(new Insets(0, 0, 0, INDENT * Math.max(1, t.depth())));
            note.getStyleClass().add("inline-step-note");
            out.add(note);
        }));
        return out;
    }

    /** The item's number for a numbered item, else 0; keeps {@code numbers} (one counter per depth) current. */
    private static int number(int[] numbers, Block.Text t) {
        int depth = Math.min(MAX_DEPTH, Math.max(0, t.depth()));
        boolean insideList = depth > 0 && t.type() != Block.TextType.HEADING && t.type() != Block.TextType.RULE;
        // Numbering survives code blocks, tables and nested items; prose outside the list restarts it.
        Arrays.fill(numbers, insideList ? depth + 1 : 0, numbers.length, 0);
        if (t.type() == Block.TextType.BULLET) {
            numbers[depth] = 0;
        }
        return t.type() == Block.TextType.NUMBERED ? ++numbers[depth] : 0;
    }

    private Node text(Block.Text t, int number, Map<Integer, Command> steps) {
        switch (t.type()) {
            case HEADING -> {
                Label heading = new Label(t.plain());
                heading.setWrapText(true);
                heading.getStyleClass().addAll(Styles.TITLE_4, "md-heading");
                return heading;
            }
            case LABEL -> {
                return flow(t.inlines(), "md-label", steps);
            }
            case BULLET, NUMBERED -> {
                Label marker = new Label(number > 0 ? number + "." : t.depth() > 1 ? "\u25e6" : "\u2022");
                marker.getStyleClass().add("md-list-marker");
                marker.setMinWidth(number > 0 ? 26 : 16);
                HBox item = new HBox(4, marker, flow(t.inlines(), "md-list-text", steps));
                item.getStyleClass().add("md-list-item");
                item.setAlignment(Pos.TOP_LEFT);
                item.setPadding(new Insets(0, 0, 0, INDENT * Math.max(0, t.depth() - 1)));
                return item;
            }
            case QUOTE -> {
                VBox quote = new VBox(flow(t.inlines(), "md-quote-text", steps));
                quote.getStyleClass().add("md-quote");
                return quote;
            }
            case RULE -> {
                return new Separator();
            }
            default -> {
                TextFlow paragraph = flow(t.inlines(), "md-paragraph", steps);
                if (t.depth() > 0) {
                    paragraph.setPadding(new Insets(0, 0, 0, INDENT * t.depth()));
                }
                return paragraph;
            }
        }
    }

    /** A wrapping paragraph of styled runs. */
    static TextFlow flow(List<Inline> inlines, String styleClass) {
        return flow(inlines, styleClass, Map.of());
    }

    /** A wrapping paragraph of styled runs, the code spans that are {@code steps} (by index) with a Run button. */
    private static TextFlow flow(List<Inline> inlines, String styleClass, Map<Integer, Command> steps) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().addAll("md-flow", styleClass);
        for (int k = 0; k < inlines.size(); k++) {
            Inline inline = inlines.get(k);
            Command step = steps.get(k);
            if (step != null) {
                flow.getChildren().addAll(InlineStepNode.of(inline.text(), step, chip(inline)));
            } else {
                flow.getChildren().add(run(inline));
            }
        }
        return flow;
    }

    /** Whether inline code is drawn as a chip: a short one-line span. */
    private static boolean chip(Inline inline) {
        return inline.text().length() <= MAX_CHIP_LENGTH && !inline.text().contains("\n");
    }

    private static Node run(Inline inline) {
        if (inline.style() == Inline.Style.CODE && chip(inline)) {
            Label chip = new Label(inline.text());
            chip.getStyleClass().add("md-code");
            return chip;
        }
        Text text = new Text(inline.text());
        text.getStyleClass().addAll("md-text", switch (inline.style()) {
            case STRONG -> "md-strong";
            case EMPHASIS -> "md-emphasis";
            case CODE -> "md-code-text";
            case LINK -> "md-link";
            case PLAIN -> "md-plain";
        });
        return text;
    }

    private static Node table(Block.Table table) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("md-table");
        int columns = Math.max(table.header().size(), table.rows().stream().mapToInt(List::size).max().orElse(0));
        for (int c = 0; c < columns; c++) {
            ColumnConstraints constraints = new ColumnConstraints();
            constraints.setHgrow(Priority.SOMETIMES);
            constraints.setFillWidth(true);
            grid.getColumnConstraints().add(constraints);
        }
        for (int c = 0; c < table.header().size(); c++) {
            grid.add(cell(table.header().get(c), "md-th"), c, 0);
        }
        for (int r = 0; r < table.rows().size(); r++) {
            List<String> row = table.rows().get(r);
            for (int c = 0; c < columns; c++) {
                grid.add(cell(c < row.size() ? row.get(c) : "", r % 2 == 0 ? "md-td" : "md-td-alt"), c, r + 1);
            }
        }
        return grid;
    }

    static Node cell(String text, String styleClass) {
        List<Inline> inlines = cellInlines(text);
        MaskedText masked = MaskedText.of(inlines.stream().map(Inline::text).collect(Collectors.joining()));
        TextFlow flow = masked.hasSecrets() ? revealable(masked) : flow(inlines, "md-cell-text");
        if (text.length() <= SHORT_CELL) {
            flow.setMinWidth(Region.USE_PREF_SIZE); // ports and names stay on one line; long cells wrap
        }
        StackPane cell = new StackPane(flow);
        cell.setAlignment(Pos.CENTER_LEFT);
        cell.getStyleClass().addAll("md-cell", styleClass);
        cell.setMaxWidth(Double.MAX_VALUE);
        cell.setMaxHeight(Double.MAX_VALUE);
        return cell;
    }

    /**
     * A cell holding a secret (a port table's health check with its password, say) shows it masked until it is
     * clicked, as every command on screen does; the cell's code styling gives way to that.
     */
    private static TextFlow revealable(MaskedText masked) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().addAll("md-flow", "md-cell-text");
        fill(flow, masked);
        return flow;
    }

    private static void fill(TextFlow flow, MaskedText masked) {
        MaskedTextFlow.fill(flow, masked, "md-text", secret -> fill(flow, masked.reveal(secret)));
    }

    /** Table cells arrive as plain text; backtick spans in them are still shown as code. */
    static List<Inline> cellInlines(String text) {
        List<Inline> inlines = new ArrayList<>();
        String[] parts = text.split("`", -1);
        boolean balanced = parts.length % 2 == 1;
        for (int i = 0; i < parts.length; i++) {
            boolean code = balanced && i % 2 == 1;
            if (!parts[i].isEmpty()) {
                inlines.add(new Inline(balanced ? parts[i] : (i > 0 ? "`" : "") + parts[i], code ? Inline.Style.CODE : Inline.Style.PLAIN));
            }
        }
        return inlines;
    }
}
