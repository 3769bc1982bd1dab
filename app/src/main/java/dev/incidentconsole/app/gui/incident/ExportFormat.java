package dev.incidentconsole.app.gui.incident;

import dev.incidentconsole.incident.IncidentDocument;
import dev.incidentconsole.incident.export.ExportOptions;
import dev.incidentconsole.incident.export.IncidentExport;
import java.nio.file.Path;

/** The export formats offered by the timeline view, with their file extension. */
public enum ExportFormat {
    MARKDOWN("md"), JSON("json"), HTML("html");

    private final String extension;

    ExportFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    /** @param workspace the runbook folder the export names runbook files relative to, or {@code null} */
    String render(IncidentDocument doc, Path workspace) {
        ExportOptions options = ExportOptions.defaults().withWorkspace(workspace);
        return switch (this) {
            case MARKDOWN -> IncidentExport.markdown(doc, options);
            case JSON -> IncidentExport.json(doc, options);
            case HTML -> IncidentExport.html(doc, options);
        };
    }
}
