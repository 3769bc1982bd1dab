package dev.incidentconsole.runbook;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
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
    /** The ASCII characters words are made of: letters, digits, '_' and '-'. */
    private static final boolean[] ASCII_TOKEN = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII_TOKEN[c] = Character.isLetterOrDigit(c) || c == '_' || c == '-';
        }
    }

    private static final Components STANDARD = load();

    private final List<String> names;
    private final Map<String, String> exact = new LinkedHashMap<>();
    private final Map<String, String> prefixes = new LinkedHashMap<>();
    /** Every alias, exact and prefix, as a tree of its lower-case characters: what {@link #find} walks. */
    private final Node root = new Node();
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
        exact.forEach((key, name) -> root.grow(key).exact = name);
        int order = 0;
        for (Map.Entry<String, String> p : prefixes.entrySet()) {
            Node node = root.grow(p.getKey());
            node.prefix = p.getValue();
            node.prefixOrder = order++;
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
     * each word is walked once through a tree of the aliases' characters, lower-cased as it is read, so no word
     * is copied unless it holds a character beyond ASCII (those take {@link String#toLowerCase}'s rules).
     */
    public List<String> find(CharSequence text) {
        Set<String> found = new LinkedHashSet<>();
        Walk previous = null;
        int i = 0;
        int n = text.length();
        while (i < n && found.size() < names.size()) {
            while (i < n && !isTokenChar(text.charAt(i))) {
                i++;
            }
            int start = i;
            boolean ascii = true;
            while (i < n && isTokenChar(text.charAt(i))) {
                ascii &= text.charAt(i) < 128;
                i++;
            }
            if (start == i) {
                break;
            }
            CharSequence token = text;
            int a = start;
            int b = i;
            if (!ascii) {
                token = text.subSequence(start, i).toString().toLowerCase(Locale.ROOT);
                a = 0;
                b = token.length();
            }
            while (a < b && token.charAt(a) == '-') {
                a++;
            }
            while (b > a && token.charAt(b - 1) == '-') {
                b--;
            }
            if (a == b) {
                continue;
            }
            Walk walk = new Walk(root).along(token, a, b);
            if (previous != null) {
                addPair(previous, token, a, b, found);
            }
            addToken(walk, token, a, b, found);
            boolean spaceFollows = i < n && text.charAt(i) == ' ';
            previous = spaceFollows ? walk : null;
        }
        return List.copyOf(found);
    }

    /**
     * Looks up "previous token" as one alias, walking on from where the previous token's walk ended. When no
     * alias goes on with a space after it, only a prefix alias that the previous token starts with can match.
     */
    private void addPair(Walk previous, CharSequence token, int a, int b, Set<String> found) {
        if (spacedPrefix || previous.node != null && previous.node.child(' ') != null) {
            addHit(previous.copy().along(" ", 0, 1).along(token, a, b).hit(), found);
        } else {
            addHit(previous.prefix, found);
        }
    }

    /** A hyphenated token ("celery-worker", "cert-manager") counts whole and by its parts. */
    private void addToken(Walk whole, CharSequence token, int a, int b, Set<String> found) {
        if (addHit(whole.hit(), found)) {
            return;
        }
        int part = a;
        for (int k = a; k <= b; k++) {
            if (k == b || token.charAt(k) == '-') {
                if (k > part && (k < b || part > a)) {
                    addHit(new Walk(root).along(token, part, k).hit(), found);
                }
                part = k + 1;
            }
        }
    }

    private static boolean addHit(String hit, Set<String> found) {
        if (hit != null) {
            found.add(hit);
        }
        return hit != null;
    }

    private static boolean isTokenChar(char c) {
        return c < 128 ? ASCII_TOKEN[c] : Character.isLetterOrDigit(c);
    }

    /** A character of an alias: the aliases that end here, exact or as a prefix, and the characters that follow. */
    private static final class Node {
        private Node[] ascii;
        private Map<Character, Node> other;
        String exact;
        String prefix;
        int prefixOrder;

        Node child(char c) {
            if (c < 128) {
                return ascii == null ? null : ascii[c];
            }
            return other == null ? null : other.get(c);
        }

        Node grow(String key) {
            Node node = this;
            for (int k = 0; k < key.length(); k++) {
                char c = key.charAt(k);
                Node next = node.child(c);
                if (next == null) {
                    next = new Node();
                    if (c < 128) {
                        node.ascii = node.ascii == null ? new Node[128] : node.ascii;
                        node.ascii[c] = next;
                    } else {
                        node.other = node.other == null ? new HashMap<>() : node.other;
                        node.other.put(c, next);
                    }
                }
                node = next;
            }
            return node;
        }
    }

    /**
     * One word walked down the tree, lower-casing ASCII letters as it goes (other characters arrive lower-cased
     * already). {@link #prefix} is the first prefix alias, in catalog order, that the word so far starts with.
     */
    private static final class Walk {
        Node node;
        String prefix;
        private int prefixOrder = Integer.MAX_VALUE;

        Walk(Node root) {
            node = root;
            notePrefix();
        }

        Walk copy() {
            Walk w = new Walk(node);
            w.prefix = prefix;
            w.prefixOrder = prefixOrder;
            return w;
        }

        Walk along(CharSequence s, int from, int to) {
            for (int k = from; k < to && node != null; k++) {
                char c = s.charAt(k);
                node = node.child(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
                notePrefix();
            }
            return this;
        }

        /** The exact alias the whole word is, else the prefix alias it starts with; null when neither. */
        String hit() {
            return node != null && node.exact != null ? node.exact : prefix;
        }

        private void notePrefix() {
            if (node != null && node.prefix != null && node.prefixOrder < prefixOrder) {
                prefix = node.prefix;
                prefixOrder = node.prefixOrder;
            }
        }
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
