package dev.incidentconsole.app.cli;

import dev.incidentconsole.incident.IncidentDocument;
import dev.incidentconsole.incident.IncidentStore;
import dev.incidentconsole.incident.StoreException;
import dev.incidentconsole.incident.export.ExportOptions;
import dev.incidentconsole.incident.export.IncidentExport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code incident export ID --format md|json|html [--out FILE]}: to stdout, or to a file. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export an incident as a Markdown postmortem, importable JSON or one HTML page. Secrets are masked.")
final class IncidentExportCommand extends IncidentAction {
    enum Format { md, json, html }

    @Parameters(index = "0", paramLabel = "ID", description = "Incident id.")
    String id;

    @Option(names = "--format", required = true, description = "One of ${COMPLETION-CANDIDATES}.")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write here instead of standard output.")
    Path out;

    @Override
    int call(IncidentStore store) throws StoreException, IOException {
        IncidentDocument doc = store.document(id);
        ExportOptions options = ExportOptions.defaults();
        String text = switch (format) {
            case md -> IncidentExport.markdown(doc, options);
            case json -> IncidentExport.json(doc, options);
            case html -> IncidentExport.html(doc, options);
        };
        if (out == null) {
            out().print(text);
            return 0;
        }
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(out, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IOException("Cannot write " + out + " (" + e.getMessage() + "); choose another --out path.", e);
        }
        out().println("Wrote " + out);
        return 0;
    }
}
