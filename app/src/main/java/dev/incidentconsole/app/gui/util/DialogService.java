package dev.incidentconsole.app.gui.util;

import java.nio.file.Path;
import java.util.Optional;

/** Every dialog the app shows goes through here, so view code stays testable and dialogs look alike. */
public interface DialogService {

    /** Shows a one-sentence problem the user must read, e.g. a folder that cannot be opened. */
    void showError(String title, String message);

    /** Asks for a folder; empty when the user cancels. */
    Optional<Path> chooseDirectory(String title, Path initial);
}
