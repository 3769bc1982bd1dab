package dev.incidentconsole.app.gui.search;

import dev.incidentconsole.app.gui.Icons;
import dev.incidentconsole.runbook.SectionKind;
import dev.incidentconsole.search.Match;
import dev.incidentconsole.search.SearchHit;
import dev.incidentconsole.search.Snippet;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.kordamp.ikonli.feather.Feather;

/**
 * One search hit: kind icon, section title, file and line; where it sits; the snippet with the matched words;
 * which words matched where, so the engineer can trust or dismiss it at a glance.
 */
final class HitCell extends ListCell<SearchHit> {
    /** Component tags shown per hit; more would push the title out. */
    private static final int MAX_TAGS = 3;

    HitCell() {
        setPrefWidth(0); // follow the list's width, so long snippets wrap instead of scrolling sideways
        getStyleClass().add("hit-cell");
    }

    @Override
    protected void updateItem(SearchHit hit, boolean empty) {
        super.updateItem(hit, empty);
        setText(null);
        if (empty || hit == null) {
            setGraphic(null);
            return;
        }
        Label title = new Label(hit.title(), Icons.of(hit.kind() == SectionKind.OTHER ? Feather.HASH : Icons.forKind(hit.kind()), "icon-accent"));
        title.getStyleClass().add("hit-title");
        title.setMinWidth(0);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label where = new Label(hit.file().getFileName() + ":" + hit.line());
        where.getStyleClass().add("hit-location");
        where.setMinWidth(Region.USE_PREF_SIZE);
        HBox top = new HBox(8, title, spacer, where);
        top.setAlignment(Pos.CENTER_LEFT);

        Label trail = new Label(trail(hit));
        trail.getStyleClass().add("hit-path");
        trail.setMinWidth(0);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox middle = new HBox(6, trail, gap);
        middle.setAlignment(Pos.CENTER_LEFT);
        for (String c : hit.components().subList(0, Math.min(MAX_TAGS, hit.components().size()))) {
            Label tag = new Label(c);
            tag.getStyleClass().add("hit-tag");
            tag.setMinWidth(Region.USE_PREF_SIZE);
            middle.getChildren().add(tag);
        }
        VBox box = new VBox(3, top, middle, snippet(hit.snippet()));
        if (!hit.matched().isEmpty()) {
            Label why = new Label("matched " + Match.describe(hit.matched()));
            why.setTooltip(new javafx.scene.control.Tooltip(why.getText()));
            why.getStyleClass().add("hit-why");
            why.setMinWidth(0);
            box.getChildren().add(why);
        }
        box.getStyleClass().add("hit-box");
        setGraphic(box);
    }

    /** Runbook title, then the headings above the section. */
    private static String trail(SearchHit hit) {
        List<String> path = hit.path();
        StringBuilder sb = new StringBuilder(hit.runbookTitle());
        for (String p : path.subList(0, Math.max(0, path.size() - 1))) {
            if (!p.equalsIgnoreCase(hit.runbookTitle())) {
                sb.append("  \u203a  ").append(p);
            }
        }
        return path.size() <= 1 ? "top of the runbook" : sb.toString();
    }

    /** The snippet as text runs, the matched words in their own {@code hit-match} runs. */
    static TextFlow snippet(Snippet snippet) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add("hit-snippet");
        String s = snippet.text();
        int at = 0;
        for (Snippet.Highlight h : snippet.highlights()) {
            if (h.start() > at) {
                flow.getChildren().add(run(s.substring(at, h.start()), "hit-text"));
            }
            flow.getChildren().add(run(s.substring(h.start(), h.end()), "hit-match"));
            at = h.end();
        }
        if (at < s.length()) {
            flow.getChildren().add(run(s.substring(at), "hit-text"));
        }
        return flow;
    }

    private static Text run(String text, String style) {
        Text t = new Text(text);
        t.getStyleClass().add(style);
        return t;
    }
}
