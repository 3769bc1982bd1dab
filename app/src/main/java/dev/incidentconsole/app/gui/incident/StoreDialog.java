package dev.incidentconsole.app.gui.incident;

import atlantafx.base.theme.Styles;
import dev.incidentconsole.app.gui.Icons;
import dev.incidentconsole.app.settings.Settings;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * The Incidents view's store line ("Embedded: ~/.local/share/..." or "Team: postgres db/incidents", with
 * "Team store unreachable (host:port/db) - N entries queued" while it is) and the dialog it opens to set or clear
 * the team store. A choice applies at once: the view switches to the new store.
 */
final class StoreDialog {
    private static final ButtonType TEAM = new ButtonType("Use team store", ButtonBar.ButtonData.OK_DONE);
    private static final ButtonType EMBEDDED = new ButtonType("Use embedded store", ButtonBar.ButtonData.LEFT);

    private StoreDialog() {
    }

    /** The store line for {@code model}; an empty node when it has no store settings (tests). */
    static Node bar(IncidentViewModel model) {
        StoreSettingsViewModel stores = model.storeSettings();
        if (stores == null) {
            return new Region();
        }
        Button button = new Button(null, Icons.of(Feather.DATABASE));
        button.setId("store-button");
        button.textProperty().bind(stores.inUseProperty());
        button.getStyleClass().addAll(Styles.FLAT, Styles.SMALL, "store-button");
        button.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        button.setMaxWidth(Double.MAX_VALUE);
        button.setTooltip(new Tooltip("Where incidents are kept; click to use a team PostgreSQL store or the embedded one"));
        button.setOnAction(e -> stores.loadSettings(s -> show(button, stores, s), model.errorProperty()::set));
        HBox.setHgrow(button, Priority.ALWAYS);
        Label offline = new Label(null, Icons.of(Feather.CLOUD_OFF));
        offline.textProperty().bind(model.offlineTextProperty());
        offline.visibleProperty().bind(model.offlineTextProperty().isNotEmpty());
        offline.managedProperty().bind(offline.visibleProperty());
        offline.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.WARNING, "store-offline");
        offline.setId("store-offline");
        VBox box = new VBox(2, button, offline);
        box.getStyleClass().add("store-bar");
        box.getStylesheets().add(java.util.Objects.requireNonNull(StoreDialog.class.getResource("timeline.css")).toExternalForm());
        box.setPadding(new Insets(0, 8, 4, 8));
        return box;
    }

    private static void show(Node owner, StoreSettingsViewModel stores, Settings saved) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle("Incident store");
        if (owner.getScene() != null) {
            dialog.initOwner(owner.getScene().getWindow());
        }
        TextField url = new TextField(saved.storeUrl() == null ? "" : saved.storeUrl());
        url.setPromptText("jdbc:postgresql://db.internal:5432/incidents");
        url.setPrefColumnCount(34);
        TextField user = new TextField(saved.storeUser() == null ? "" : saved.storeUser());
        user.setPromptText("login (empty: PGUSER or the URL's user=)");
        PasswordField password = new PasswordField();
        password.setPromptText("empty: PGPASSWORD or ~/.pgpass");
        Label result = wrapped("");
        result.setMinHeight(56); // room for a three-line answer: the dialog does not grow once shown
        Button test = new Button("Test connection", Icons.of(Feather.ZAP));
        test.setOnAction(e -> {
            result.setText("Connecting...");
            stores.test(url.getText(), user.getText(), password.getText(), result::setText);
        });
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, fieldLabel("Team store URL"), url);
        grid.addRow(1, fieldLabel("User"), user);
        grid.addRow(2, fieldLabel("Password"), password);
        Label note = wrapped("The password is kept in memory for this session only, never in settings.json."
                + " Without a team store, incidents stay in this computer's embedded store.");
        note.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        VBox content = new VBox(10, grid, note, new HBox(8, test), result);
        String overridden = stores.overriddenBy();
        if (!overridden.isEmpty()) {
            Label warn = wrapped(overridden + " names the store in use; it wins over what is saved here.");
            warn.getStyleClass().add(Styles.WARNING);
            content.getChildren().add(0, warn);
        }
        content.setAlignment(Pos.TOP_LEFT);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().addAll(EMBEDDED, TEAM, ButtonType.CANCEL);
        // The dialog stays open until the switch worked, so a typo can be fixed in place.
        apply(dialog, TEAM, result, done -> stores.useTeamStore(url.getText(), user.getText(), password.getText(), done));
        apply(dialog, EMBEDDED, result, stores::useEmbeddedStore);
        dialog.getDialogPane().setPrefWidth(580);
        dialog.setOnShown(e -> url.requestFocus());
        dialog.show();
    }

    /** A label that wraps to the dialog's width instead of cutting its sentence short. */
    private static Label wrapped(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setPrefWidth(540);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    private static Label fieldLabel(String text) {
        Label label = new Label(text);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static void apply(Dialog<ButtonType> dialog, ButtonType type, Label result,
                              java.util.function.Consumer<java.util.function.Consumer<String>> action) {
        Button button = (Button) dialog.getDialogPane().lookupButton(type);
        button.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            result.setText("Switching...");
            action.accept(problem -> {
                if (problem.isEmpty()) {
                    dialog.setResult(type);
                    dialog.close();
                } else {
                    result.setText(problem);
                }
            });
        });
    }
}
