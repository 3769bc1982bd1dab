package dev.incidentconsole.app.gui.util;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Dialogs owned by the main window, so they open centred on it. Call on the FX Application Thread. */
public final class FxDialogService implements DialogService {
    private final Window owner;
    private final Path home;

    /** @param home where a chooser opens when it is given no folder (the user's home) */
    public FxDialogService(Window owner, Path home) {
        this.owner = owner;
        this.home = home;
    }

    @Override
    public Optional<Path> chooseDirectory(String title, Path initial) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        chooser.setInitialDirectory(startIn(initial, home).toFile());
        File chosen = chooser.showDialog(owner);
        return Optional.ofNullable(chosen).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseFile(String title, Path initial) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialDirectory(startIn(initial, home).toFile());
        File chosen = chooser.showOpenDialog(owner);
        return Optional.ofNullable(chosen).map(File::toPath);
    }

    /**
     * The folder a chooser opens in: {@code initial} if it is one, else the folder of the file it names, else the
     * user's {@code home} ({@code LaunchOptions.userHome()}); never the process's working folder, which a launcher may
     * have set to the JDK's or the app's.
     */
    static Path startIn(Path initial, Path home) {
        if (initial != null && Files.isDirectory(initial)) {
            return initial;
        }
        if (initial != null && initial.getParent() != null && Files.isDirectory(initial.getParent())) {
            return initial.getParent();
        }
        return home;
    }

    @Override
    public void warn(String title, String message) {
        Alert alert = new Alert(Alert.AlertType.WARNING, message, ButtonType.OK);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.show();
    }

    @Override
    public boolean confirm(String title, String message, String action) {
        ButtonType yes = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.WARNING, message,
                ButtonType.CANCEL, yes);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(title);
        // Cancel is the default button: Enter pressed by reflex must not run a destructive command.
        ((Button) alert.getDialogPane().lookupButton(yes)).setDefaultButton(false);
        ((Button) alert.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        return alert.showAndWait().filter(yes::equals).isPresent();
    }

    @Override
    public Optional<Path> chooseSaveFile(String title, Path initialDirectory, String fileName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(fileName);
        chooser.setInitialDirectory(startIn(initialDirectory, home).toFile());
        return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath);
    }

    @Override
    public <T> Optional<T> choose(String title, String prompt, List<T> choices, T initial) {
        ChoiceDialog<T> dialog = new ChoiceDialog<>(initial, choices);
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText(prompt);
        return dialog.showAndWait();
    }

    @Override
    public <T> Optional<TextAndChoice<T>> askTextAndChoice(String title, String textLabel, String initialText,
                                                          String choiceLabel, List<T> choices, T initial) {
        Dialog<TextAndChoice<T>> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        TextField text = new TextField(initialText);
        text.setPrefColumnCount(36);
        ComboBox<T> choice = new ComboBox<>(FXCollections.observableArrayList(choices));
        choice.setValue(initial);
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        grid.addRow(0, new Label(textLabel), text);
        grid.addRow(1, new Label(choiceLabel), choice);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE); // the wide text field must not squeeze "Severity" to "Sev..."
        grid.getColumnConstraints().add(labels);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(text.textProperty().isEmpty());
        dialog.setResultConverter(b -> b == ButtonType.OK ? new TextAndChoice<>(text.getText().strip(), choice.getValue()) : null);
        Platform.runLater(text::requestFocus);
        return dialog.showAndWait();
    }
}
