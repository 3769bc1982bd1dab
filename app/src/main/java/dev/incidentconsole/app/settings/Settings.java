package dev.incidentconsole.app.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the user chose and the app keeps between runs. Immutable; change it with the {@code with...} methods
 * and store it with {@link SettingsStore}.
 *
 * @param runbookFolders folders searched besides the bundled (or opened) runbooks, absolute, no duplicates
 * @param synonymsFile   a Solr-format synonyms file added to the bundled rules, or {@code null}
 */
@JsonIgnoreProperties(ignoreUnknown = true) // a file written by a newer version still loads
public record Settings(List<Path> runbookFolders, Path synonymsFile) {

    public Settings {
        runbookFolders = runbookFolders == null ? List.of()
                : runbookFolders.stream().filter(p -> p != null).map(Settings::clean).distinct().toList();
        synonymsFile = synonymsFile == null ? null : clean(synonymsFile);
    }

    /** No extra folders, no synonyms file. */
    public static Settings defaults() {
        return new Settings(List.of(), null);
    }

    /** These settings with {@code folder} added at the end (unchanged when it is already there). */
    public Settings withFolder(Path folder) {
        List<Path> folders = new ArrayList<>(runbookFolders);
        folders.add(folder);
        return new Settings(folders, synonymsFile);
    }

    public Settings withoutFolder(Path folder) {
        Path gone = clean(folder);
        return new Settings(runbookFolders.stream().filter(p -> !p.equals(gone)).toList(), synonymsFile);
    }

    /** These settings with another synonyms file; {@code null} removes it. */
    public Settings withSynonymsFile(Path file) {
        return new Settings(runbookFolders, file);
    }

    private static Path clean(Path p) {
        return p.toAbsolutePath().normalize();
    }
}
