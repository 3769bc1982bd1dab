package dev.incidentconsole.app.gui.runbooks;

import dev.incidentconsole.runbook.ParseWarning;
import dev.incidentconsole.runbook.Runbook;
import dev.incidentconsole.runbook.RunbookFiles;
import dev.incidentconsole.runbook.RunbookParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds and parses every runbook under a folder. Blocking: call it from a background thread. A file that
 * cannot be read or parsed still comes back, as a runbook holding only a warning, so one bad file never
 * hides the others.
 */
public final class RunbookLoader {
    private static final Logger LOG = LoggerFactory.getLogger(RunbookLoader.class);

    /** The order runbooks are listed in: by title, then by file. */
    static final Comparator<Runbook> ORDER = Comparator.comparing(Runbook::title, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(r -> r.file().toString());

    private final RunbookParser parser;

    public RunbookLoader(RunbookParser parser) {
        this.parser = parser;
    }

    /**
     * Parses the runbooks under {@code folder} (recursively, skipping hidden folders), sorted by title.
     *
     * @throws RunbookFolderException when the folder is missing or cannot be read
     */
    public List<Runbook> load(Path folder) throws RunbookFolderException {
        List<Runbook> runbooks = new ArrayList<>();
        for (Path file : find(folder)) {
            runbooks.add(parseOne(file));
        }
        runbooks.sort(ORDER);
        return runbooks;
    }

    /** The runbook files under {@code folder} (or {@code folder} itself when it is a file), in path order. */
    public List<Path> find(Path folder) throws RunbookFolderException {
        if (!Files.exists(folder)) {
            throw new RunbookFolderException("The runbook folder " + folder
                    + " does not exist; open another folder or create it.", null);
        }
        if (!Files.isReadable(folder)) {
            throw new RunbookFolderException("Cannot read the runbook folder " + folder
                    + " (permission denied); check its permissions or open another folder.", null);
        }
        try {
            return RunbookFiles.find(folder);
        } catch (NoSuchFileException e) {
            throw new RunbookFolderException("The runbook folder " + folder + " disappeared while loading; reload.", e);
        } catch (IOException e) {
            throw new RunbookFolderException("Cannot read the runbook folder " + folder + " (" + e.getMessage()
                    + "); check it or open another folder.", e);
        }
    }

    private Runbook parseOne(Path file) {
        try {
            return parser.parse(file);
        } catch (IOException e) {
            LOG.warn("Cannot read runbook {}: {}", file, e.toString());
            return unreadable(file, "Cannot read this file (" + e.getClass().getSimpleName()
                    + "); check that it exists and is readable.");
        } catch (RuntimeException e) {
            LOG.warn("Parser failed on {}", file, e);
            return unreadable(file, "The parser failed on this file (" + e.getClass().getSimpleName()
                    + "); its content is not shown.");
        }
    }

    private static Runbook unreadable(Path file, String message) {
        return new Runbook(file, file.getFileName().toString(), null, Map.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(new ParseWarning(0, message)));
    }
}
