package dev.incidentconsole.health.alert;

import dev.incidentconsole.runbook.Alert;
import dev.incidentconsole.runbook.Runbook;
import dev.incidentconsole.runbook.Section;
import java.util.Optional;

/** A firing alert's runbook section: the runbook and the alert heading that names it. */
public record AlertLink(Runbook runbook, Alert alert) {

    /** The section whose heading path is the alert's, when the runbook has it. */
    public Optional<Section> section() {
        return runbook.sections().stream().filter(s -> s.path().equals(alert.sectionPath())).findFirst();
    }
}
