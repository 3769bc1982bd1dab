package dev.incidentconsole.app.cli;

import dev.incidentconsole.incident.IncidentDocument;
import dev.incidentconsole.incident.IncidentStore;
import dev.incidentconsole.incident.StoreException;
import dev.incidentconsole.incident.export.IncidentExport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code incident import FILE}: records a JSON export; entries already present are skipped. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import an incident from its JSON export; importing twice adds nothing.")
final class IncidentImportCommand extends IncidentAction {

    @Parameters(index = "0", paramLabel = "FILE", description = "A file written by 'incident export --format json'.")
    Path file;

    @Override
    int call(IncidentStore store) throws StoreException, IOException {
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IOException("Cannot read " + file + ": no such file.", e);
        } catch (IOException e) {
            throw new IOException("Cannot read " + file + " (" + e.getMessage() + ").", e);
        }
        IncidentDocument doc;
        try {
            doc = IncidentExport.fromJson(json);
        } catch (StoreException e) {
            throw new StoreException(e.reason(), file + ": " + e.getMessage(), e);
        }
        int added = store.importDocument(doc);
        out().println("Imported " + doc.incident().id() + ": " + added + " of " + doc.entries().size()
                + " entries added.");
        return 0;
    }
}
