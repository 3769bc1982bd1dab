package dev.incidentconsole.runbook;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where an index line's link points on disk. An index that sends the engineer to a runbook that is not
 * there fails exactly when it is needed; the parser reports each such link as a warning naming the file.
 */
public final class IndexLinks {
    private IndexLinks() {
    }

    /**
     * The file a link target names, relative to the index file's folder: {@code ./redis.md},
     * {@code ../db/pg.md#vacuum} (the anchor is dropped) or {@code my%20notes.md}; empty for web links, mail
     * links, anchors within the same file and text that is not a path.
     */
    public static Optional<Path> file(Path indexFile, String target) {
        String t = target.strip();
        if (t.isEmpty() || t.startsWith("#") || t.contains("://") || t.startsWith("mailto:")) {
            return Optional.empty();
        }
        int cut = indexOf(t, '#', '?');
        String path = cut >= 0 ? t.substring(0, cut) : t;
        if (path.isEmpty()) {
            return Optional.empty();
        }
        try {
            String decoded = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
            Path dir = indexFile == null ? null : indexFile.toAbsolutePath().getParent();
            return Optional.of(dir == null ? Path.of(decoded) : dir.resolve(decoded).normalize());
        } catch (IllegalArgumentException e) { // also InvalidPathException
            return Optional.empty();
        }
    }

    /** One warning per index link (line and target) whose file does not exist next to {@code indexFile}. */
    static List<ParseWarning> missing(Path indexFile, List<IndexEntry> index) {
        List<ParseWarning> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (IndexEntry e : index) {
            for (String target : e.targets()) {
                Optional<Path> file = file(indexFile, target);
                if (file.isPresent() && !Files.exists(file.get()) && seen.add(e.line() + "|" + target)) {
                    out.add(new ParseWarning(e.line(), "the index entry \"" + e.key() + "\" links to " + target
                            + ", which does not exist (" + file.get() + ")"));
                }
            }
        }
        return out;
    }

    private static int indexOf(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }
}
