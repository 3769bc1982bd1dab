package dev.incidentconsole.app.gui.util;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;

/**
 * A ComboBox whose choice takes effect only when the user commits it: Enter, or a click on an item of the
 * list. Moving through the items with the arrow keys, open or closed, only shows them; leaving the box or
 * closing the list without committing puts the committed value back. A status or severity change is a fact on
 * the incident's timeline, so passing over "acknowledged" on the way to "resolved" must not record it.
 */
public final class CommittedChoice<T> {
    private final ComboBox<T> box;
    private final ObservableValue<T> committed;
    private final Consumer<T> commit;
    private T sent;

    private CommittedChoice(ComboBox<T> box, ObservableValue<T> committed, Consumer<T> commit) {
        this.box = box;
        this.committed = committed;
        this.commit = commit;
    }

    /**
     * Makes {@code box} show {@code committed} and call {@code commit} with a chosen value that differs from it.
     *
     * @param text   how an item reads in the list
     * @param button how the chosen item reads on the closed box
     */
    public static <T> void install(ComboBox<T> box, ObservableValue<T> committed, Consumer<T> commit,
                                   Function<T, String> text, Function<T, String> button) {
        new CommittedChoice<>(box, committed, commit).wire(text, button);
    }

    private void wire(Function<T, String> text, Function<T, String> button) {
        box.setOnAction(null);
        box.setValue(committed.getValue());
        committed.addListener((obs, old, now) -> {
            sent = null;
            box.setValue(now);
        });
        box.setButtonCell(new TextCell<>(button));
        box.setCellFactory(list -> {
            if (list.getProperties().putIfAbsent(CommittedChoice.class, Boolean.TRUE) == null) {
                list.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
                    if (e.getCode() == KeyCode.ENTER) {
                        choose(list.getSelectionModel().getSelectedItem());
                    }
                });
            }
            TextCell<T> cell = new TextCell<>(text);
            cell.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> {
                if (!cell.isEmpty()) {
                    choose(cell.getItem());
                }
            });
            return cell;
        });
        box.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && !box.isShowing()) {
                choose(box.getValue());
            }
        });
        box.showingProperty().addListener((obs, was, showing) -> {
            if (!showing) {
                revertUnlessChosen();
            }
        });
        box.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused && !box.isShowing()) {
                revertUnlessChosen();
            }
        });
    }

    private void choose(T value) {
        if (value == null || Objects.equals(value, committed.getValue()) || Objects.equals(value, sent)) {
            return;
        }
        sent = value; // until the committed value changes: a second Enter must not record it twice
        box.setValue(value);
        commit.accept(value);
    }

    private void revertUnlessChosen() {
        T keep = sent != null ? sent : committed.getValue();
        if (!Objects.equals(box.getValue(), keep)) {
            box.setValue(keep);
        }
    }

    private static final class TextCell<T> extends ListCell<T> {
        private final Function<T, String> text;

        TextCell(Function<T, String> text) {
            this.text = text;
        }

        @Override
        protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : text.apply(item));
        }
    }
}
