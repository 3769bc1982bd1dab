package dev.incidentconsole.runbook;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
    /** The ASCII characters words are made of (letters, digits, '_' and '-'), lower-cased; 0 for the others. */
    private static final char[] FOLDED = new char[128];

    static {
        for (char c = 0; c < 128; c++) {
            if (Character.isLetterOrDigit(c) || c == '_' || c == '-') {
                FOLDED[c] = Character.toLowerCase(c);
            }
        }
    }

    private static final Components STANDARD = load();

    private final List<String> names;
    private final Map<String, String> exact = new LinkedHashMap<>();
    private final Map<String, String> prefixes = new LinkedHashMap<>();
    /** Every alias, exact and prefix, as a tree of its lower-case characters: what {@link #find} walks. */
    private final AliasTrie trie;
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
        Map<String, Integer> exactIndex = new LinkedHashMap<>();
        exact.forEach((key, name) -> exactIndex.put(key, canon.indexOf(name)));
        Map<String, Integer> prefixIndex = new LinkedHashMap<>();
        prefixes.forEach((key, name) -> prefixIndex.put(key, canon.indexOf(name)));
        this.trie = new AliasTrie(exactIndex, prefixIndex);
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
     * Canonical names of the components {@code text} mentions, in order of first mention. One pass over the text:
     * each word is walked down a tree of the aliases' characters as it is read, lower-casing ASCII on the way, so
     * no word is copied unless it holds a character beyond ASCII (those take {@link String#toLowerCase}'s rules).
     */
    public List<String> find(CharSequence text) {
        return new Finder().find(text);
    }

    /**
     * The state of one {@link #find}: the walk of the current word, that of the word before it (for aliases of
     * two words), and the names found, marked by catalog index so that a repeated mention costs no lookup.
     */
    private final class Finder {
        private final boolean[] seen = new boolean[names.size()];
        private final List<String> found = new ArrayList<>();
        private Walk current = new Walk();
        private Walk previous = new Walk();
        private final Walk scratch = new Walk();

        List<String> find(CharSequence text) {
            boolean hasPrevious = false;
            int i = 0;
            int n = text.length();
            while (i < n && found.size() < names.size()) {
                while (i < n && !isTokenChar(text.charAt(i))) {
                    i++;
                }
                if (i == n) {
                    break;
                }
                // walks the word as it is read; hyphens are walked only once a later character shows they are
                // inside the word, since the word is matched without its leading and trailing ones. The walk is
                // kept in locals here (the hot loop of a parse) and handed to the current walk after the word.
                int node = 0;
                int last = 0; // the last node the walk reached: its prefix alias is the word's
                int a = -1;
                int b = -1;
                int hyphens = 0;
                boolean inner = false;
                boolean ascii = true;
                int start = i;
                for (; i < n; i++) {
                    char c = text.charAt(i);
                    char folded;
                    if (c < 128) {
                        folded = FOLDED[c];
                        if (folded == 0) {
                            break;
                        }
                    } else if (Character.isLetterOrDigit(c)) {
                        ascii = false;
                        continue;
                    } else {
                        break;
                    }
                    if (c == '-') {
                        hyphens++;
                        continue;
                    }
                    if (a < 0) {
                        a = i;
                    } else if (hyphens > 0) {
                        inner = true;
                        for (; hyphens > 0 && node != AliasTrie.NONE; hyphens--) {
                            node = trie.wordChild(node, '-');
                            last = node == AliasTrie.NONE ? last : node;
                        }
                    }
                    hyphens = 0;
                    b = i + 1;
                    if (node != AliasTrie.NONE) {
                        node = trie.wordChild(node, folded);
                        last = node == AliasTrie.NONE ? last : node;
                    }
                    if (node == AliasTrie.NONE) {
                        // no alias goes on: the rest of this run of ASCII letters, digits and '_' (most of a
                        // text's characters) changes nothing but the word's end, so it is skipped with one table
                        // test a character; a hyphen or a non-ASCII character goes back through the loop above.
                        int j = i + 1;
                        while (j < n) {
                            char d = text.charAt(j);
                            if (d >= 128 || FOLDED[d] <= '-') {
                                break;
                            }
                            j++;
                        }
                        b = j;
                        i = j - 1;
                    }
                }
                current.set(node, last);
                CharSequence token = text;
                if (!ascii) {
                    token = text.subSequence(start, i).toString().toLowerCase(Locale.ROOT);
                    a = 0;
                    b = token.length();
                    while (a < b && token.charAt(a) == '-') {
                        a++;
                    }
                    while (b > a && token.charAt(b - 1) == '-') {
                        b--;
                    }
                    current.reset().along(token, a, b);
                    inner = a < b && indexOf(token, '-', a, b) >= 0;
                } else if (a < 0) {
                    continue; // only hyphens: no word, and the word before still pairs with the next one
                }
                if (a == b) {
                    continue;
                }
                if (hasPrevious) {
                    addPair(token, a, b);
                }
                if (!add(current.hit()) && inner) {
                    addParts(token, a, b);
                }
                hasPrevious = i < n && text.charAt(i) == ' ';
                Walk done = previous;
                previous = current;
                current = done;
            }
            return List.copyOf(found);
        }

        /**
         * Looks up "previous token" as one alias, walking on from where the previous token's walk ended. When no
         * alias goes on with a space after it, only a prefix alias that the previous token starts with can match.
         */
        private void addPair(CharSequence token, int a, int b) {
            if (spacedPrefix || previous.node != AliasTrie.NONE && trie.child(previous.node, ' ') != AliasTrie.NONE) {
                add(scratch.copyOf(previous).along(" ", 0, 1).along(token, a, b).hit());
            } else {
                add(trie.prefix(previous.last));
            }
        }

        /** A hyphenated token ("kafka-redis-x") whose whole is no alias counts by its parts. */
        private void addParts(CharSequence token, int a, int b) {
            int part = a;
            for (int k = a; k <= b; k++) {
                if (k == b || token.charAt(k) == '-') {
                    if (k > part) {
                        add(scratch.reset().along(token, part, k).hit());
                    }
                    part = k + 1;
                }
            }
        }

        private boolean add(int hit) {
            if (hit < 0) {
                return false;
            }
            if (!seen[hit]) {
                seen[hit] = true;
                found.add(names.get(hit));
            }
            return true;
        }
    }

    private static int indexOf(CharSequence s, char c, int from, int to) {
        for (int k = from; k < to; k++) {
            if (s.charAt(k) == c) {
                return k;
            }
        }
        return -1;
    }

    private static boolean isTokenChar(char c) {
        return c < 128 ? FOLDED[c] != 0 : Character.isLetterOrDigit(c);
    }

    /**
     * One word walked down the tree, lower-casing ASCII letters as it goes (other characters arrive lower-cased
     * already): the node it reached ({@link AliasTrie#NONE} once no alias goes on) and the last node it was at,
     * whose prefix alias is the word's.
     */
    private final class Walk {
        int node;
        int last;

        Walk reset() {
            node = 0;
            last = 0;
            return this;
        }

        void set(int node, int last) {
            this.node = node;
            this.last = last;
        }

        Walk copyOf(Walk other) {
            set(other.node, other.last);
            return this;
        }

        Walk along(CharSequence s, int from, int to) {
            for (int k = from; k < to && node != AliasTrie.NONE; k++) {
                char c = s.charAt(k);
                node = trie.child(node, c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
                last = node == AliasTrie.NONE ? last : node;
            }
            return this;
        }

        /** The exact alias the whole word is, else the prefix alias it starts with; -1 when neither. */
        int hit() {
            return node != AliasTrie.NONE && trie.exact(node) >= 0 ? trie.exact(node) : trie.prefix(last);
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
