package dev.incidentconsole.app.gui.browse;

import dev.incidentconsole.app.gui.library.SectionTarget;
import dev.incidentconsole.runbook.Alert;
import dev.incidentconsole.runbook.IndexEntry;
import dev.incidentconsole.runbook.IndexLinks;
import dev.incidentconsole.runbook.Runbook;
import dev.incidentconsole.runbook.Section;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The Browse lists built from parsed runbooks: by component (runbooks and sections naming it, plus the
 * runbook index's component table), by symptom (the symptoms sections list, plus the index's symptom table)
 * and alerts with their section. Pure: safe on any thread.
 *
 * @param components one group per component, each holding runbooks, each holding sections
 * @param symptoms   one group per runbook, each holding its symptoms
 * @param alerts     one entry per alert, sorted by name
 */
public record BrowseCatalog(List<BrowseNode> components, List<BrowseNode> symptoms, List<BrowseNode> alerts) {
    private static final Comparator<String> BY_NAME = String.CASE_INSENSITIVE_ORDER;
    private static final String SEP = "  \u203a  ";

    public BrowseCatalog {
        components = List.copyOf(components);
        symptoms = List.copyOf(symptoms);
        alerts = List.copyOf(alerts);
    }

    public static BrowseCatalog of(List<Runbook> runbooks) {
        return new BrowseCatalog(components(runbooks), symptoms(runbooks), alerts(runbooks));
    }

    static List<BrowseNode> components(List<Runbook> runbooks) {
        // component -> runbook file -> sections naming it, by position; a labelled part counts for its heading.
        // Keyed by file and index: runbooks and sections are records, and hashing them would walk their content.
        Map<Path, Runbook> byFile = new LinkedHashMap<>();
        runbooks.forEach(r -> byFile.putIfAbsent(r.file(), r));
        Map<String, Map<Path, TreeMap<Integer, Section>>> groups = new TreeMap<>(BY_NAME);
        for (Runbook r : runbooks) {
            for (Section s : r.sections()) {
                Section owner = owner(r, s);
                for (String c : s.components()) {
                    groups.computeIfAbsent(c, k -> new LinkedHashMap<>()).computeIfAbsent(r.file(), k -> new TreeMap<>())
                            .put(owner.index(), owner);
                }
            }
        }
        List<String> known = List.copyOf(groups.keySet());
        // An index row whose runbooks are none of the workspace's: its group says so instead of "0 runbooks".
        Map<String, List<BrowseNode>> missing = new TreeMap<>(BY_NAME);
        for (Runbook index : runbooks) {
            for (IndexEntry e : index.index()) {
                if (e.kind() != IndexEntry.Kind.COMPONENT) {
                    continue;
                }
                List<String> names = known.stream().filter(c -> containsWord(e.key(), c)).toList();
                List<Runbook> linked = e.targets().stream().map(t -> resolve(index, t, runbooks)).flatMap(Optional::stream).toList();
                for (String name : names.isEmpty() ? List.of(e.key()) : names) {
                    Map<Path, TreeMap<Integer, Section>> group = groups.computeIfAbsent(name, k -> new LinkedHashMap<>());
                    linked.forEach(r -> group.computeIfAbsent(r.file(), k -> new TreeMap<>()));
                    if (linked.isEmpty()) {
                        missing.computeIfAbsent(name, k -> new ArrayList<>()).add(missingLeaf(index, e, e.key()));
                    }
                }
            }
        }
        List<BrowseNode> nodes = new ArrayList<>();
        groups.forEach((component, sectionsByFile) -> {
            List<BrowseNode> books = sectionsByFile.entrySet().stream()
                    .map(en -> {
                        Runbook r = byFile.get(en.getKey());
                        return new BrowseNode(r.title(), r.file().getFileName().toString(), whole(r),
                                en.getValue().values().stream().map(s -> section(r, s)).toList());
                    })
                    .sorted(Comparator.comparing(BrowseNode::title, BY_NAME))
                    .toList();
            List<BrowseNode> absent = missing.getOrDefault(component, List.of());
            if (books.isEmpty()) {
                nodes.add(new BrowseNode(component, absent.get(0).detail(), null, absent));
            } else {
                List<BrowseNode> children = new ArrayList<>(books);
                children.addAll(absent);
                nodes.add(new BrowseNode(component, count(books.size(), "runbook"), null, children));
            }
        });
        return nodes;
    }

    /**
     * An index line whose runbooks are not in the workspace, titled {@code title}: it names the files that are not
     * there and opens the index where it links to them.
     */
    private static BrowseNode missingLeaf(Runbook index, IndexEntry e, String title) {
        String files = e.targets().stream().map(t -> IndexLinks.file(index.file(), t)
                        .map(f -> f.getFileName().toString()).orElse(t))
                .distinct().reduce((a, b) -> a + ", " + b).orElse("");
        return BrowseNode.leaf(title, "missing runbook: " + files,
                SectionTarget.of(index.file(), sectionAt(index, e.line()), e.line()));
    }

    static List<BrowseNode> symptoms(List<Runbook> runbooks) {
        List<BrowseNode> groups = new ArrayList<>();
        for (Runbook r : runbooks) {
            Map<String, BrowseNode> items = new LinkedHashMap<>();
            for (Section s : r.sections()) {
                Section owner = owner(r, s);
                for (String symptom : s.symptoms()) {
                    items.putIfAbsent(symptom.toLowerCase(Locale.ROOT),
                            BrowseNode.leaf(symptom, trail(r, owner), target(r, owner)));
                }
            }
            for (IndexEntry e : r.index()) {
                if (e.kind() == IndexEntry.Kind.SYMPTOM) {
                    List<BrowseNode> targets = e.targets().stream().map(t -> resolve(r, t, runbooks))
                            .flatMap(Optional::stream).map(t -> BrowseNode.leaf(t.title(), t.file().getFileName().toString(), whole(t)))
                            .distinct().toList();
                    if (targets.isEmpty()) {
                        items.putIfAbsent(e.key().toLowerCase(Locale.ROOT), missingLeaf(r, e, e.key()));
                        continue;
                    }
                    String detail = targets.stream().map(BrowseNode::title).reduce((a, b) -> a + ", " + b).orElse("");
                    items.putIfAbsent(e.key().toLowerCase(Locale.ROOT),
                            new BrowseNode(e.key(), detail, targets.size() == 1 ? targets.get(0).target() : null, targets.size() > 1 ? targets : List.of()));
                }
            }
            if (!items.isEmpty()) {
                groups.add(new BrowseNode(r.title(), count(items.size(), "symptom"), whole(r), List.copyOf(items.values())));
            }
        }
        return groups;
    }

    static List<BrowseNode> alerts(List<Runbook> runbooks) {
        List<BrowseNode> nodes = new ArrayList<>();
        for (Runbook r : runbooks) {
            for (Alert a : r.alerts()) {
                String where = r.title() + (a.sectionPath().isEmpty() ? "" : SEP + a.sectionPath().get(a.sectionPath().size() - 1));
                nodes.add(BrowseNode.leaf(a.name(), where, SectionTarget.of(r.file(), a.sectionPath(), a.line())));
            }
        }
        nodes.sort(Comparator.comparing(BrowseNode::title, BY_NAME));
        return nodes;
    }

    /** A labelled part (Diagnosis, Resolution...) is shown through the heading it belongs to. */
    private static Section owner(Runbook r, Section s) {
        if (!s.label() || s.path().size() < 2) {
            return s;
        }
        List<String> parent = s.path().subList(0, s.path().size() - 1);
        return r.sections().stream().filter(p -> p.index() < s.index() && p.path().equals(parent))
                .reduce((a, b) -> b).orElse(s);
    }

    /** The heading path of the section holding {@code line}. */
    private static List<String> sectionAt(Runbook r, int line) {
        return r.sections().stream().filter(s -> s.line() <= line).reduce((a, b) -> b).map(Section::path).orElse(List.of());
    }

    private static BrowseNode section(Runbook r, Section s) {
        return BrowseNode.leaf(s.title(), trail(r, s), target(r, s));
    }

    private static String trail(Runbook r, Section s) {
        StringBuilder sb = new StringBuilder(r.title());
        for (String p : s.path()) {
            if (!p.equalsIgnoreCase(r.title())) {
                sb.append(SEP).append(p);
            }
        }
        return sb.toString();
    }

    private static SectionTarget target(Runbook r, Section s) {
        return SectionTarget.of(r.file(), s.path(), s.line());
    }

    private static SectionTarget whole(Runbook r) {
        return SectionTarget.of(r.file(), List.of(), 0);
    }

    /**
     * The runbook an index line points to: a link target relative to the index file ({@code redis.md},
     * {@code ../db/pg.md#vacuum}), else a file name, else a runbook title.
     */
    static Optional<Runbook> resolve(Runbook index, String target, List<Runbook> runbooks) {
        String t = target.strip();
        int hash = t.indexOf('#');
        String file = hash >= 0 ? t.substring(0, hash) : t;
        if (!file.isEmpty()) {
            try {
                Optional<Path> linked = IndexLinks.file(index.file(), t);
                Optional<Runbook> exact = linked.flatMap(p -> runbooks.stream()
                        .filter(r -> r.file().toAbsolutePath().normalize().equals(p)).findFirst());
                if (exact.isPresent()) {
                    return exact;
                }
                Path name = Path.of(file).getFileName();
                Optional<Runbook> named = runbooks.stream().filter(r -> name != null
                        && r.file().getFileName().toString().equalsIgnoreCase(name.toString())).findFirst();
                if (named.isPresent()) {
                    return named;
                }
            } catch (InvalidPathException e) {
                // not a path: try it as a title below
            }
        }
        return runbooks.stream().filter(r -> r != index && r.title().equalsIgnoreCase(t)).findFirst();
    }

    private static boolean containsWord(String text, String word) {
        return java.util.regex.Pattern.compile("(?<![\\p{L}\\p{N}])" + java.util.regex.Pattern.quote(word) + "(?![\\p{L}\\p{N}])",
                java.util.regex.Pattern.CASE_INSENSITIVE).matcher(text).find();
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
