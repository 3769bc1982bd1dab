package dev.incidentconsole.app.gui.util;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * Highlights searched words in a rendered section: a matching word inside a text run becomes its own
 * {@code search-match} label (so it gets a background), and a label holding one gets {@code search-match-label}.
 * Then scrolls the first match into view. Call on the FX thread.
 */
public final class MatchHighlighter {
    /** Style class of a highlighted word. */
    public static final String MATCH = "search-match";
    /** Style class of a label (heading, code chip) that contains a highlighted word. */
    public static final String MATCH_LABEL = "search-match-label";
    /** Parts of the page that are about the file, not its text (file name, command counts): never highlighted. */
    private static final String SKIPPED = "section-facts";

    private MatchHighlighter() {
    }

    /**
     * Where the terms occur in {@code text}: case-insensitive, starting at a word start (so "connection" also
     * lights up "connections" and a typed prefix its word), running to the end of that word; sorted, merged.
     */
    public static List<int[]> ranges(String text, List<String> terms) {
        String lower = text.toLowerCase(Locale.ROOT);
        boolean[] marked = new boolean[text.length()];
        for (String term : terms) {
            String t = term.toLowerCase(Locale.ROOT);
            if (t.isBlank()) {
                continue;
            }
            for (int at = lower.indexOf(t); at >= 0; at = lower.indexOf(t, at + 1)) {
                if (at > 0 && isWordChar(lower.charAt(at - 1)) && isWordChar(t.charAt(0))) {
                    continue;
                }
                int end = at + t.length();
                while (end < text.length() && isWordChar(lower.charAt(end))) {
                    end++;
                }
                java.util.Arrays.fill(marked, at, end, true);
            }
        }
        List<int[]> ranges = new ArrayList<>();
        for (int i = 0; i < marked.length; i++) {
            if (marked[i]) {
                int start = i;
                while (i < marked.length && marked[i]) {
                    i++;
                }
                ranges.add(new int[]{start, i});
            }
        }
        return ranges;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** Marks the terms everywhere under {@code root}; returns the marked nodes in document order. */
    public static List<Node> highlight(Parent root, List<String> terms) {
        List<Node> marked = new ArrayList<>();
        if (!terms.isEmpty()) {
            walk(root, terms, marked);
        }
        return marked;
    }

    private static void walk(Parent parent, List<String> terms, List<Node> marked) {
        if (parent instanceof TextFlow flow) {
            splitRuns(flow, terms, marked);
        }
        for (Node child : List.copyOf(parent.getChildrenUnmodifiable())) {
            if (child instanceof Labeled labeled && labeled.getText() != null
                    && !ranges(labeled.getText(), terms).isEmpty() && !labeled.getStyleClass().contains(MATCH)) {
                labeled.getStyleClass().add(MATCH_LABEL);
                marked.add(labeled);
            } else if (child instanceof Parent p && !(child instanceof Labeled) && !child.getStyleClass().contains(SKIPPED)) {
                walk(p, terms, marked);
            }
        }
    }

    /** Cuts each text run of the flow at the matches; the matched words become highlighted labels. */
    private static void splitRuns(TextFlow flow, List<String> terms, List<Node> marked) {
        List<Node> children = new ArrayList<>();
        for (Node child : flow.getChildren()) {
            if (!(child instanceof Text run) || ranges(run.getText(), terms).isEmpty()) {
                children.add(child);
                continue;
            }
            String s = run.getText();
            int at = 0;
            for (int[] r : ranges(s, terms)) {
                if (r[0] > at) {
                    children.add(copy(run, s.substring(at, r[0])));
                }
                Label word = new Label(s.substring(r[0], r[1]));
                word.getStyleClass().addAll(run.getStyleClass());
                word.getStyleClass().add(MATCH);
                children.add(word);
                marked.add(word);
                at = r[1];
            }
            if (at < s.length()) {
                children.add(copy(run, s.substring(at)));
            }
        }
        flow.getChildren().setAll(children);
    }

    private static Text copy(Text run, String text) {
        Text part = new Text(text);
        part.getStyleClass().setAll(run.getStyleClass());
        part.setStyle(run.getStyle());
        return part;
    }

    /** After the next layout pass, scrolls so that {@code node} sits in the upper third of the viewport. */
    public static void revealLater(ScrollPane pane, Node node) {
        Platform.runLater(() -> reveal(pane, node));
    }

    static void reveal(ScrollPane pane, Node node) {
        Node content = pane.getContent();
        if (content == null || node.getScene() == null) {
            return;
        }
        pane.applyCss();
        pane.layout();
        Bounds at = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
        double extra = content.getLayoutBounds().getHeight() - pane.getViewportBounds().getHeight();
        if (at == null || extra <= 0) {
            return;
        }
        double y = at.getMinY() - pane.getViewportBounds().getHeight() / 3;
        double fraction = Math.max(0, Math.min(1, y / extra));
        pane.setVvalue(pane.getVmin() + fraction * (pane.getVmax() - pane.getVmin()));
    }
}
