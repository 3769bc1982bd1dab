package dev.incidentconsole.health.alert;

import dev.incidentconsole.runbook.Runbook;
import dev.incidentconsole.runbook.Section;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Resolves a {@code runbook_url} annotation to a local runbook: the file whose path ends with the most of
 * the URL's path (GitHub {@code /blob/<ref>/docs/x.md}, GitLab {@code /-/blob/<ref>/docs/x.md}, raw files,
 * wikis, relative paths), else the one of that name with or without extension; the fragment is a heading
 * anchor ({@link HeadingAnchors}). Stateless.
 */
final class RunbookUrls {
    private static final List<String> EXTENSIONS = List.of(".md", ".markdown", ".txt");

    private RunbookUrls() {
    }

    /** A local runbook, and the section when the URL has a fragment that names one. */
    record Resolved(Runbook runbook, Section section) {
    }

    static Optional<Resolved> resolve(String url, Collection<Runbook> runbooks) {
        String path = url.strip();
        String fragment = "";
        int hash = path.indexOf('#');
        if (hash >= 0) {
            fragment = path.substring(hash + 1);
            path = path.substring(0, hash);
        }
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        try {
            URI uri = URI.create(path.replace(" ", "%20"));
            if (uri.getRawPath() != null && uri.getScheme() != null) {
                path = uri.getRawPath();
            }
        } catch (IllegalArgumentException e) {
            // a relative path with odd characters: read it as written
        }
        List<String> segments = segments(URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8));
        if (segments.isEmpty()) {
            return Optional.empty();
        }
        Runbook best = null;
        int bestScore = 0;
        for (Runbook rb : runbooks) {
            int score = score(segments, segments(rb.file().toString().replace('\\', '/')));
            if (score > bestScore) {
                best = rb;
                bestScore = score;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        Section section = fragment.isEmpty() ? null : HeadingAnchors.find(best, fragment).orElse(null);
        return Optional.of(new Resolved(best, section));
    }

    /**
     * How well a local file matches: the number of trailing path segments in common (the file name counting
     * with or without its extension), 0 when the names differ.
     */
    private static int score(List<String> url, List<String> file) {
        String urlName = url.get(url.size() - 1);
        String fileName = file.isEmpty() ? "" : file.get(file.size() - 1);
        if (!urlName.equals(fileName) && !stem(urlName).equals(stem(fileName))) {
            return 0;
        }
        int n = 1;
        while (n < url.size() && n < file.size() && url.get(url.size() - 1 - n).equals(file.get(file.size() - 1 - n))) {
            n++;
        }
        return n * 2 + (urlName.equals(fileName) ? 1 : 0);
    }

    private static String stem(String name) {
        for (String ext : EXTENSIONS) {
            if (name.endsWith(ext)) {
                return name.substring(0, name.length() - ext.length());
            }
        }
        return name;
    }

    private static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty() && !s.equals(".")) {
                out.add(s.toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }
}
