package dev.incidentconsole.runbook;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A catalog of components (PostgreSQL, Redis, Kubernetes...) with their aliases, used to tag sections with
 * what they are about. Matching is case-insensitive on whole words (a hyphenated word also counts by its parts,
 * so {@code celery-worker} is Celery), so {@code pg} never matches inside {@code PGPASSWORD}. Immutable and
 * thread-safe.
 */
public final class Components {

    private static final String RESOURCE = "components.txt";
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Components STANDARD = load();

    private final List<String> names;
    private final Map<String, String> exact = new LinkedHashMap<>();
    private final Map<String, String> prefixes = new LinkedHashMap<>();
    /** First words of multi-word aliases: only after one of these can a word pair be an exact alias. */
    private final Set<String> pairStarts = new HashSet<>();
    private final boolean spacedPrefix;

    private Components(List<String> lines) {
        List<String> canon = new ArrayList<>();
        for (String raw : lines) {
            String line = raw.strip();
            int colon = line.indexOf(':');
            if (line.isEmpty() || line.startsWith("#") || colon <= 0) {
                continue;
            }
            String name = line.substring(0, colon).strip();
            if (!canon.contains(name)) {
                canon.add(name);
            }
            List<String> aliases = new ArrayList<>(List.of(name));
            for (String a : line.substring(colon + 1).split(",")) {
                if (!a.isBlank()) {
                    aliases.add(a.strip());
                }
            }
            for (String a : aliases) {
                String key = a.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
                if (key.endsWith("*")) {
                    prefixes.putIfAbsent(key.substring(0, key.length() - 1), name);
                } else {
                    exact.putIfAbsent(key, name);
                }
            }
        }
        this.names = List.copyOf(canon);
        for (String key : exact.keySet()) {
            int space = key.indexOf(' ');
            if (space > 0) {
                pairStarts.add(key.substring(0, space));
            }
        }
        this.spacedPrefix = prefixes.keySet().stream().anyMatch(k -> k.indexOf(' ') >= 0);
    }

    /** The catalog shipped with the app ({@code components.txt}). */
    public static Components standard() {
        return STANDARD;
    }

    /**
     * A catalog from lines of {@code Name: alias, alias*}; blank lines and {@code #} comments are skipped.
     */
    public static Components of(List<String> lines) {
        return new Components(lines);
    }

    /** Canonical names, in catalog order. */
    public List<String> names() {
        return names;
    }

    /** The canonical name for a word or alias ({@code psql} gives {@code PostgreSQL}), if it is one. */
    public Optional<String> canonical(String word) {
        String key = SPACES.matcher(word.strip().toLowerCase(Locale.ROOT)).replaceAll(" ");
        String hit = exact.get(key);
        if (hit != null) {
            return Optional.of(hit);
        }
        return names.stream().filter(n -> n.equalsIgnoreCase(key)).findFirst()
                .or(() -> prefixes.entrySet().stream().filter(e -> key.startsWith(e.getKey()))
                        .map(Map.Entry::getValue).findFirst());
    }

    /**
     * Canonical names of the components {@code text} mentions, in order of first mention. Linear in the text:
     * words are looked up in a map rather than matched against one regex per alias.
     */
    public List<String> find(CharSequence text) {
        Set<String> found = new LinkedHashSet<>();
        String previous = null;
        int i = 0;
        int n = text.length();
        while (i < n && found.size() < names.size()) {
            while (i < n && !isTokenChar(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && isTokenChar(text.charAt(i))) {
                i++;
            }
            if (start == i) {
                break;
            }
            String token = trimHyphens(text.subSequence(start, i).toString().toLowerCase(Locale.ROOT));
            if (token.isEmpty()) {
                continue;
            }
            if (previous != null) {
                addPair(previous, token, found);
            }
            addToken(token, found);
            boolean spaceFollows = i < n && text.charAt(i) == ' ';
            previous = spaceFollows ? token : null;
        }
        return List.copyOf(found);
    }

    /**
     * Looks up "previous token" as one alias. Building that string for every word pair was a hot spot, so it is
     * only built when an exact alias or a prefix with a space could match it; otherwise only a prefix that
     * {@code previous} itself starts with can, which gives the same answer as looking up the pair.
     */
    private void addPair(String previous, String token, Set<String> found) {
        if (spacedPrefix || pairStarts.contains(previous)) {
            addIfKnown(previous + " " + token, found);
            return;
        }
        String hit = prefixHit(previous);
        if (hit != null) {
            found.add(hit);
        }
    }

    /** A hyphenated token ("celery-worker", "cert-manager") counts whole and by its parts. */
    private void addToken(String token, Set<String> found) {
        if (addIfKnown(token, found) || token.indexOf('-') < 0) {
            return;
        }
        for (String part : token.split("-")) {
            if (!part.isEmpty()) {
                addIfKnown(part, found);
            }
        }
    }

    private boolean addIfKnown(String word, Set<String> found) {
        String hit = exact.get(word);
        if (hit == null) {
            hit = prefixHit(word);
        }
        if (hit != null) {
            found.add(hit);
        }
        return hit != null;
    }

    /** The component of the first prefix alias (in catalog order) the word starts with, or null. */
    private String prefixHit(String word) {
        for (Map.Entry<String, String> p : prefixes.entrySet()) {
            if (word.startsWith(p.getKey())) {
                return p.getValue();
            }
        }
        return null;
    }

    private static boolean isTokenChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-';
    }

    private static String trimHyphens(String s) {
        int a = 0;
        int b = s.length();
        while (a < b && s.charAt(a) == '-') {
            a++;
        }
        while (b > a && s.charAt(b - 1) == '-') {
            b--;
        }
        return s.substring(a, b);
    }

    @Override
    public String toString() {
        return names.stream().collect(Collectors.joining(", ", "Components[", "]"));
    }

    private static Components load() {
        try (InputStream in = Components.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the runbook module");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return new Components(reader.lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
