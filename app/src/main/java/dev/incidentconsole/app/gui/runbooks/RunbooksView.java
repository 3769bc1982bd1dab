package dev.incidentconsole.app.gui.runbooks;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import dev.incidentconsole.app.gui.Icons;
import dev.incidentconsole.app.gui.util.DialogService;
import dev.incidentconsole.app.gui.workspace.WorkspaceViewModel;
import dev.incidentconsole.app.settings.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * The Runbooks view: the folder's outline on the left (with loading, error and empty states) and the
 * selected runbook or section on the right.
 */
public final class RunbooksView extends SplitPane {
    private final RunbookTreeViewModel model;
    private final DialogService dialogs;
    private final MenuButton recentMenu = new MenuButton(null, Icons.of(Feather.CLOCK));
    private final Label note = new Label();
    private final Label folderName = new Label();
    private WorkspaceViewModel workspaces;
    private final javafx.beans.property.ObjectProperty<java.util.function.BiConsumer<dev.incidentconsole.runbook.Runbook,
            dev.incidentconsole.runbook.Section>> startIncident = new javafx.beans.property.SimpleObjectProperty<>();

    public RunbooksView(RunbookTreeViewModel model, DialogService dialogs, Consumer<String> copier) {
        this(model, dialogs, copier, new SimpleObjectProperty<>(List.of()));
    }

    /** @param highlight words to highlight in the shown section, e.g. those of the search hit that opened it */
    public RunbooksView(RunbookTreeViewModel model, DialogService dialogs, Consumer<String> copier,
                        ObservableValue<List<String>> highlight) {
        this.model = model;
        this.dialogs = dialogs;
        getStyleClass().add("runbooks-view");
        VBox side = new VBox(header(), body(), footer());
        side.getStyleClass().add("outline-pane");
        SectionView section = new SectionView(copier, model::trail, model.selectedProperty()::set);
        section.nodeProperty().bind(model.selectedProperty());
        section.startIncidentProperty().bind(startIncident);
        section.highlightProperty().bind(highlight);
        getItems().addAll(side, section);
        setDividerPositions(0.3);
        SplitPane.setResizableWithParent(side, false);
    }

    /**
     * Opens folders as workspaces through {@code model} (environment, targets and search follow) and offers its recent
     * ones; without it, "Open folder..." only loads the runbooks.
     */
    public RunbooksView useWorkspaces(WorkspaceViewModel model) {
        this.workspaces = model;
        recentMenu.setVisible(true);
        recentMenu.setManaged(true);
        model.recent().addListener((ListChangeListener<Path>) c -> fillRecent());
        model.currentProperty().addListener((obs, old, now) -> fillRecent());
        fillRecent();
        note.textProperty().bind(model.noteProperty());
        folderName.textProperty().bind(this.model.folderProperty().map(this::label)); // now knowing the demo's folder
        return this;
    }

    private void fillRecent() {
        recentMenu.getItems().clear();
        Workspace shown = workspaces.currentProperty().get();
        for (Path folder : workspaces.recent()) {
            recentMenu.getItems().add(recentItem(workspaces.workspaceAt(folder).label() + "  \u2014  " + folder,
                    shown != null && shown.folder().equals(folder), () -> workspaces.open(folder)));
        }
        if (!recentMenu.getItems().isEmpty()) {
            recentMenu.getItems().add(new SeparatorMenuItem());
        }
        recentMenu.getItems().add(recentItem(workspaces.demo().label(), shown != null && shown.bundled(), workspaces::openDemo));
    }

    /** What the header calls {@code folder}: "Demo runbooks (bundled)" once the workspaces say it is the demo. */
    private String label(Path folder) {
        return workspaces == null ? new Workspace(folder, false).label() : workspaces.workspaceAt(folder).label();
    }

    /** An entry of the recent list; the one shown now is ticked and does nothing. */
    private static MenuItem recentItem(String text, boolean shown, Runnable open) {
        MenuItem item = new MenuItem(text, shown ? Icons.of(Feather.CHECK) : null);
        item.setMnemonicParsing(false);
        item.setDisable(shown);
        item.setOnAction(e -> open.run());
        return item;
    }

    /** What "Start incident" in a section's header does; the button shows only while this is set. */
    public javafx.beans.property.ObjectProperty<java.util.function.BiConsumer<dev.incidentconsole.runbook.Runbook,
            dev.incidentconsole.runbook.Section>> startIncidentProperty() {
        return startIncident;
    }

    private Node header() {
        Label caption = new Label("RUNBOOKS");
        caption.getStyleClass().add("pane-caption");
        Label folder = folderName;
        folder.getStyleClass().add("folder-name");
        folder.textProperty().bind(model.folderProperty().map(this::label));
        Tooltip folderTip = new Tooltip();
        folderTip.textProperty().bind(model.folderProperty().map(Path::toString));
        folder.setTooltip(folderTip);
        VBox titles = new VBox(2, caption, folder);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button open = iconButton(Feather.FOLDER, "Open another runbook folder", this::chooseFolder);
        Button reload = iconButton(Feather.REFRESH_CW, "Reload the runbooks from disk", model::reload);
        reload.disableProperty().bind(model.loadingProperty());
        recentMenu.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, "recent-workspaces");
        recentMenu.setTooltip(new Tooltip("Recent workspaces"));
        recentMenu.setVisible(false);
        recentMenu.setManaged(false);
        HBox header = new HBox(4, titles, spacer, open, recentMenu, reload);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("outline-header");
        return header;
    }

    private Node body() {
        RunbookTreeView tree = new RunbookTreeView(model);
        tree.visibleProperty().bind(model.loadingProperty().not().and(model.errorProperty().isEmpty())
                .and(Bindings.isNotEmpty(model.runbooks())));

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(36, 36);
        Label loadingText = new Label("Loading runbooks...");
        loadingText.getStyleClass().add(Styles.TEXT_MUTED);
        VBox loading = new VBox(12, spinner, loadingText);
        loading.setAlignment(Pos.CENTER);
        loading.getStyleClass().add("loading-state");
        loading.visibleProperty().bind(model.loadingProperty());

        Message error = new Message("Cannot open runbooks", null, Icons.of(Feather.ALERT_OCTAGON));
        error.getStyleClass().addAll(Styles.DANGER, "folder-error");
        error.descriptionProperty().bind(model.errorProperty());
        Button other = new Button("Open folder...", Icons.of(Feather.FOLDER));
        other.setOnAction(e -> chooseFolder());
        VBox errorState = new VBox(12, error, other);
        errorState.getStyleClass().add("error-state");
        errorState.visibleProperty().bind(model.errorProperty().isNotEmpty());

        Label empty = new Label("No runbooks here yet. Add Markdown files to the folder, or open another one.",
                Icons.of(Feather.INBOX));
        empty.setWrapText(true);
        empty.getStyleClass().addAll(Styles.TEXT_MUTED, "empty-state");
        empty.visibleProperty().bind(model.loadingProperty().not().and(model.errorProperty().isEmpty())
                .and(Bindings.isEmpty(model.runbooks())));

        StackPane body = new StackPane(tree, loading, errorState, empty);
        StackPane.setAlignment(errorState, Pos.TOP_CENTER);
        VBox.setVgrow(body, Priority.ALWAYS);
        return body;
    }

    private Node footer() {
        note.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.WARNING, "workspace-note");
        note.setWrapText(true);
        note.visibleProperty().bind(note.textProperty().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());
        Label status = new Label();
        status.textProperty().bind(model.statusProperty());
        status.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED, "outline-status");
        status.setMaxWidth(Double.MAX_VALUE);
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(model.statusProperty());
        status.setTooltip(tip);
        return new VBox(2, note, status);
    }

    private void chooseFolder() {
        dialogs.chooseDirectory("Open runbook folder", model.folderProperty().get())
                .ifPresent(workspaces != null ? workspaces::open : model::load);
    }

    private static Button iconButton(Feather glyph, String tooltip, Runnable action) {
        Button button = new Button(null, Icons.of(glyph));
        button.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        button.setTooltip(new Tooltip(tooltip));
        button.setOnAction(e -> action.run());
        return button;
    }
}
