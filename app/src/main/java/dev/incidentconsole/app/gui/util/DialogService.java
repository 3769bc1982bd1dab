package dev.incidentconsole.app.gui.util;

import java.nio.file.Path;
import java.util.Optional;

/** Every dialog the app shows goes through here, so view code stays testable and dialogs look alike. */
public interface DialogService {

    /** Asks for a folder; empty when the user cancels. */
    Optional<Path> chooseDirectory(String title, Path initial);
}
