package dev.incidentconsole.app.gui.util;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Every dialog the app shows goes through here, so view code stays testable and dialogs look alike. */
public interface DialogService {

    /** Asks for a folder; empty when the user cancels. */
    Optional<Path> chooseDirectory(String title, Path initial);

    /** Asks for an existing file; empty when the user cancels (or, by default, when files cannot be chosen). */
    default Optional<Path> chooseFile(String title, Path initial) {
        return Optional.empty();
    }

    /** Tells the user something went wrong that they asked for (e.g. a link that cannot be opened); by default nothing. */
    default void warn(String title, String message) {
    }

    /** Asks before something irreversible; false when the user cancels (or, by default, always). */
    default boolean confirm(String title, String message, String action) {
        return false;
    }

    /** Asks where to save a file, suggesting {@code fileName}; empty when the user cancels. */
    default Optional<Path> chooseSaveFile(String title, Path initialDirectory, String fileName) {
        return Optional.empty();
    }

    /** Asks for one of {@code choices}; empty when the user cancels. */
    default <T> Optional<T> choose(String title, String prompt, List<T> choices, T initial) {
        return Optional.empty();
    }

    /** Asks for a line of text and one of {@code choices} in one dialog (e.g. an incident's title and severity). */
    default <T> Optional<TextAndChoice<T>> askTextAndChoice(String title, String textLabel, String initialText,
                                                           String choiceLabel, List<T> choices, T initial) {
        return Optional.empty();
    }

    /** The answer of {@link #askTextAndChoice}. */
    record TextAndChoice<T>(String text, T choice) {
    }
}
