package dev.incidentconsole.app.gui.incident;

import dev.incidentconsole.incident.IncidentDocument;
import dev.incidentconsole.incident.export.ExportOptions;
import dev.incidentconsole.incident.export.IncidentExport;

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

    String render(IncidentDocument doc) {
        ExportOptions options = ExportOptions.defaults();
        return switch (this) {
            case MARKDOWN -> IncidentExport.markdown(doc, options);
            case JSON -> IncidentExport.json(doc, options);
            case HTML -> IncidentExport.html(doc, options);
        };
    }
}
