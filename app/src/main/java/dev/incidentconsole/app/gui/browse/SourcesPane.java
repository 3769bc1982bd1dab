package dev.incidentconsole.app.gui.browse;

import atlantafx.base.theme.Styles;
import dev.incidentconsole.app.gui.Icons;
import dev.incidentconsole.app.gui.library.LibraryViewModel;
import dev.incidentconsole.app.gui.util.DialogService;
import java.nio.file.Path;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * Which folders are searched and with which synonyms: the opened folders, the user's extra folders (each
 * removable), buttons to add a folder or choose a synonyms file, the index counts and any problems.
 */
final class SourcesPane extends VBox {
    private final LibraryViewModel library;
    private final DialogService dialogs;
    private final FlowPane folders = new FlowPane(6, 6);

    SourcesPane(LibraryViewModel library, DialogService dialogs) {
        this.library = library;
        this.dialogs = dialogs;
        getStyleClass().add("sources-pane");
        setSpacing(6);
        folders.setAlignment(Pos.CENTER_LEFT);
        library.sessionFolders().addListener((ListChangeListener<Path>) c -> rebuild());
        library.extraFolders().addListener((ListChangeListener<Path>) c -> rebuild());
        library.synonymsFileProperty().addListener((obs, old, now) -> rebuild());
        rebuild();

        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(14, 14);
        busy.visibleProperty().bind(library.indexingProperty());
        busy.managedProperty().bind(busy.visibleProperty());
        Label status = new Label();
        status.textProperty().bind(library.statusProperty());
        status.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED, "sources-status");
        HBox statusRow = new HBox(6, busy, status);
        statusRow.setAlignment(Pos.CENTER_LEFT);

        Label problems = new Label(null, Icons.of(Feather.ALERT_TRIANGLE, "icon-warning"));
        problems.textProperty().bind(library.problemsProperty());
        problems.setWrapText(true);
        problems.getStyleClass().addAll(Styles.TEXT_SMALL, "sources-problems");
        problems.visibleProperty().bind(library.problemsProperty().isNotEmpty());
        problems.managedProperty().bind(problems.visibleProperty());
        getChildren().addAll(folders, statusRow, problems);
    }

    private void rebuild() {
        folders.getChildren().clear();
        Label caption = new Label("SEARCHING");
        caption.getStyleClass().add("pane-caption");
        folders.getChildren().add(caption);
        library.sessionFolders().forEach(f -> folders.getChildren().add(chip(f, false)));
        library.extraFolders().forEach(f -> folders.getChildren().add(chip(f, true)));
        Button add = new Button("Add folder\u2026", Icons.of(Feather.FOLDER_PLUS));
        add.getStyleClass().addAll(Styles.SMALL, Styles.FLAT, "add-folder");
        add.setOnAction(e -> dialogs.chooseDirectory("Add a runbook folder to search", null).ifPresent(library::addFolder));
        Path synonyms = library.synonymsFileProperty().get();
        Button words = new Button(synonyms == null ? "Synonyms\u2026" : "Synonyms: " + synonyms.getFileName(), Icons.of(Feather.BOOK));
        words.getStyleClass().addAll(Styles.SMALL, Styles.FLAT, "synonyms-file");
        words.setTooltip(new Tooltip(synonyms == null ? "Add your own synonyms file (Solr format: \"a, b, c\" or \"a => b\")"
                : synonyms + "\nClick to choose another file"));
        words.setOnAction(e -> dialogs.chooseFile("Choose a synonyms file", synonyms).ifPresent(library::setSynonymsFile));
        folders.getChildren().addAll(add, words);
        if (synonyms != null) {
            folders.getChildren().add(iconButton(Feather.X, "Use only the bundled synonyms", () -> library.setSynonymsFile(null)));
        }
    }

    private Node chip(Path folder, boolean removable) {
        Label name = new Label(folder.getFileName() == null ? folder.toString() : folder.getFileName().toString(),
                Icons.of(Feather.FOLDER));
        name.setTooltip(new Tooltip(folder.toString()));
        HBox chip = new HBox(2, name);
        chip.setAlignment(Pos.CENTER_LEFT);
        chip.getStyleClass().add("folder-chip");
        if (removable) {
            chip.getChildren().add(iconButton(Feather.X, "Stop searching " + folder, () -> library.removeFolder(folder)));
        }
        return chip;
    }

    private static Button iconButton(Feather glyph, String tooltip, Runnable action) {
        Button b = new Button(null, Icons.of(glyph));
        b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        b.setTooltip(new Tooltip(tooltip));
        b.setOnAction(e -> action.run());
        return b;
    }
}
