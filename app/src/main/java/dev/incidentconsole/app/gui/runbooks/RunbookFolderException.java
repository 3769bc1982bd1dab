package dev.incidentconsole.app.gui.runbooks;

import java.io.IOException;

/** A runbook folder that cannot be listed; the message is one sentence the user can act on. */
public final class RunbookFolderException extends IOException {
    private static final long serialVersionUID = 1L;

    public RunbookFolderException(String message, Throwable cause) {
        super(message, cause);
    }
}
