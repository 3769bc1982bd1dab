package dev.incidentconsole.runbook;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The aliases of a {@link Components} catalog as a tree of their lower-case characters, held in flat arrays: node 0
 * is the root, and the child of a node by a word character is one array read. Walking it is the inner loop of
 * every section's component search, where a tree of objects cost three dependent reads a character.
 */
final class AliasTrie {

    static final int NONE = -1;

    /** The table's column of each word character (lower-case letters, digits, '_', '-') and the space; 0 else. */
    private static final byte[] COLUMN = new byte[128];
    private static final int COLUMNS;

    static {
        int k = 1;
        for (char c = 0; c < 128; c++) {
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == ' ') {
                COLUMN[c] = (byte) k++;
            }
        }
        COLUMNS = k;
    }

    /** The child of node n by the character of column k at [n * COLUMNS + k], {@link #NONE} when there is none. */
    private final int[] next;
    /** Children by characters without a column, keyed by {@code node << 16 | char}. */
    private final Map<Long, Integer> otherEdges = new HashMap<>();
    /** The catalog index of the exact alias each node ends, -1 for none. */
    private final int[] exact;
    /** The first prefix alias in catalog order ending on the path to each node (the node included); -1 for none. */
    private final int[] prefix;

    /**
     * @param exacts   exact aliases (lower-case) and the catalog index of their name
     * @param prefixes prefix aliases (lower-case, without their '*') and their name's index, in catalog order
     */
    AliasTrie(Map<String, Integer> exacts, Map<String, Integer> prefixes) {
        Map<String, Integer> ids = new HashMap<>();
        List<String> paths = new ArrayList<>(List.of(""));
        ids.put("", 0);
        List<String> keys = new ArrayList<>(exacts.keySet());
        keys.addAll(prefixes.keySet());
        for (String key : keys) {
            for (int i = 1; i <= key.length(); i++) {
                ids.computeIfAbsent(key.substring(0, i), path -> {
                    paths.add(path);
                    return paths.size() - 1;
                });
            }
        }
        int count = paths.size();
        next = new int[count * COLUMNS];
        Arrays.fill(next, NONE);
        exact = new int[count];
        Arrays.fill(exact, -1);
        int[] parent = new int[count];
        for (int id = 1; id < count; id++) {
            String path = paths.get(id);
            parent[id] = ids.get(path.substring(0, path.length() - 1));
            char c = path.charAt(path.length() - 1);
            if (c < 128 && COLUMN[c] != 0) {
                next[parent[id] * COLUMNS + COLUMN[c]] = id;
            } else {
                otherEdges.put(edge(parent[id], c), id);
            }
        }
        exacts.forEach((key, index) -> exact[ids.get(key)] = index);
        int[] own = new int[count];
        int[] ownOrder = new int[count];
        Arrays.fill(own, -1);
        int order = 0;
        for (Map.Entry<String, Integer> p : prefixes.entrySet()) {
            own[ids.get(p.getKey())] = p.getValue();
            ownOrder[ids.get(p.getKey())] = order++;
        }
        // a parent's path is numbered before its children's, so one pass in id order sees each parent done
        prefix = new int[count];
        int[] prefixOrder = new int[count];
        for (int id = 0; id < count; id++) {
            int inherited = id == 0 ? -1 : prefix[parent[id]];
            int inheritedOrder = id == 0 ? Integer.MAX_VALUE : prefixOrder[parent[id]];
            boolean mine = own[id] >= 0 && ownOrder[id] < inheritedOrder;
            prefix[id] = mine ? own[id] : inherited;
            prefixOrder[id] = mine ? ownOrder[id] : inheritedOrder;
        }
    }

    /** The child of {@code node} by a lower-case word character (letter, digit, '_' or '-'); {@link #NONE} else. */
    int wordChild(int node, char folded) {
        return next[node * COLUMNS + COLUMN[folded]];
    }

    /** The child of {@code node} by any character, taken as it is; {@link #NONE} when no alias goes on with it. */
    int child(int node, char c) {
        if (c < 128 && COLUMN[c] != 0) {
            return next[node * COLUMNS + COLUMN[c]];
        }
        Integer to = otherEdges.get(edge(node, c));
        return to == null ? NONE : to;
    }

    /** The catalog index of the exact alias that ends at {@code node}, -1 for none. */
    int exact(int node) {
        return exact[node];
    }

    /** The first prefix alias in catalog order that the path to {@code node} starts with, -1 for none. */
    int prefix(int node) {
        return prefix[node];
    }

    private static long edge(int node, char c) {
        return (long) node << 16 | c;
    }
}
