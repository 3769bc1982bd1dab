package dev.incidentconsole.search;

import dev.incidentconsole.runbook.IndexEntry;
import dev.incidentconsole.runbook.IndexLinks;
import dev.incidentconsole.runbook.Runbook;
import dev.incidentconsole.runbook.RunbookFiles;
import dev.incidentconsole.runbook.Section;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The index entries of a section ("Disk full: [PostgreSQL disk space](db/disk.md)" under "By symptom"): pointers
 * to the runbooks that answer a symptom or component, not answers of their own. Indexed as the section's text or
 * symptoms, they make a short section holding every symptom of the folder, which outranks the runbooks it points
 * to (themselves searched); so a section is searched by its heading and its own prose only.
 *
 * <p>Only entries that point to another runbook file on disk are pointers. A row of an "Error" or "Alert" table
 * whose fix links to vendor docs, or an index line sending the engineer to a web page or a file that is not there,
 * is the only place that answers its symptom: it stays searchable. A line is an entry's when its words begin with
 * the entry's key as whole words, so the key "DB" leaves a line about "dbadmin" alone.
 */
final class IndexPointers {

    private IndexPointers() {
    }

    /** The section's text without its index entries' lines, stripped. */
    static String ownText(Runbook runbook, Section section) {
        String text = section.text().strip();
        List<String> keys = keys(runbook, section);
        if (keys.isEmpty()) {
            return text;
        }
        return Stream.of(text.split("\\R")).filter(line -> !points(keys, line)).collect(Collectors.joining("\n"))
                .strip();
    }

    /** The section's listed symptoms that are not its index entries. */
    static List<String> ownSymptoms(Runbook runbook, Section section) {
        List<String> keys = keys(runbook, section);
        return keys.isEmpty() ? section.symptoms()
                : section.symptoms().stream().filter(symptom -> !points(keys, symptom)).toList();
    }

    private static boolean points(List<String> keys, String line) {
        String words = words(line);
        return !words.isEmpty() && keys.stream().anyMatch(k -> words.equals(k) || words.startsWith(k + " "));
    }

    /**
     * The keys of the index entries between the section's heading and the next heading that point to another
     * runbook, as {@link #words}.
     */
    private static List<String> keys(Runbook runbook, Section section) {
        if (runbook.index().isEmpty()) {
            return List.of();
        }
        int end = runbook.sections().stream().filter(o -> o.line() > section.line()).mapToInt(Section::line)
                .min().orElse(Integer.MAX_VALUE);
        return runbook.index().stream().filter(e -> e.line() > section.line() && e.line() < end)
                .filter(e -> pointsToAnotherRunbook(runbook.file(), e)).map(e -> words(e.key()))
                .filter(k -> !k.isEmpty()).toList();
    }

    /**
     * Whether a target of the entry is an existing runbook file ({@link RunbookFiles#isRunbook}) other than the
     * page itself. Checked on disk when the page is indexed, not against the index: a page's documents are built
     * on their own, in any order of a bulk load.
     */
    private static boolean pointsToAnotherRunbook(Path page, IndexEntry entry) {
        if (page == null) {
            return false;
        }
        Path self = page.toAbsolutePath().normalize();
        return entry.targets().stream().map(t -> IndexLinks.file(page, t)).flatMap(Optional::stream)
                .anyMatch(f -> !f.equals(self) && RunbookFiles.isRunbook(f) && Files.isRegularFile(f));
    }

    /** Letters and digits in lower case, other characters as single spaces: markup and punctuation differ. */
    private static String words(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
