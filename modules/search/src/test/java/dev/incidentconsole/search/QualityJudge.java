package dev.incidentconsole.search;

import dev.incidentconsole.runbook.Runbook;
import dev.incidentconsole.runbook.RunbookParser;
import dev.incidentconsole.runbook.Section;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * Judges a search against the {@link QualitySet}: the runbooks it covers (the shared corpus and our bundled
 * runbooks, in one index), each query's acceptable sections resolved to the units search returns, and the
 * figures engineers feel: an acceptable section among the first three hits, its runbook among the first three
 * hits' runbooks, and the reciprocal rank of the first acceptable hit (MRR over the first ten).
 */
final class QualityJudge {

    static final int CUT = 3;
    static final int MRR_DEPTH = 10;

    /** A hit as the judge compares it: file key and heading path joined with {@code " > "}. */
    record Ranked(String file, String path) {
    }

    /** Totals for one group of queries. */
    record Score(int queries, int files, int sections, double reciprocalRanks) {
        Score plus(Score o) {
            return new Score(queries + o.queries, files + o.files, sections + o.sections,
                    reciprocalRanks + o.reciprocalRanks);
        }

        double mrr() {
            return queries == 0 ? 0 : reciprocalRanks / queries;
        }
    }

    private final Map<String, Path> folders;
    private final List<Runbook> runbooks = new ArrayList<>();
    private final Map<String, Runbook> byRelative = new LinkedHashMap<>();

    /** @param folders folder name as the set writes it ({@code corpus}, {@code runbooks}) and where it is */
    QualityJudge(Map<String, Path> folders) {
        this.folders = Map.copyOf(folders);
        RunbookParser parser = new RunbookParser();
        folders.forEach((name, dir) -> {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".md"))
                        .filter(p -> !p.getFileName().toString().equals("README.md")).sorted().toList()) {
                    Runbook r = parser.parse(f);
                    runbooks.add(r);
                    byRelative.put(name + "/" + f.getFileName(), r);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    List<Runbook> runbooks() {
        return runbooks;
    }

    /**
     * The sections (units) that answer a query.
     *
     * @throws IllegalArgumentException naming the row when an accepted entry matches no section, so a typo in
     *                                  the set cannot silently make a query unanswerable
     */
    Set<Ranked> answers(QualitySet.QualityQuery q) {
        Set<Ranked> out = new HashSet<>();
        for (QualitySet.Accepted a : q.accepted()) {
            Runbook r = byRelative.get(a.file());
            if (r == null) {
                throw new IllegalArgumentException("row " + q.row() + ": no runbook " + a.file());
            }
            List<SectionUnit> units = SectionUnit.of(r);
            List<Ranked> found = new ArrayList<>();
            for (Section s : r.sections()) {
                if (endsWith(s.path(), a.headings())) {
                    found.addAll(unitsFor(r, s, units));
                }
            }
            out.addAll(found);
            if (found.isEmpty()) {
                throw new IllegalArgumentException("row " + q.row() + ": no section " + a.file() + "#"
                        + String.join(" > ", a.headings()));
            }
        }
        return out;
    }

    /** The unit holding a section: its own, its heading's (a label), or those below it (an empty heading). */
    private static List<Ranked> unitsFor(Runbook r, Section s, List<SectionUnit> units) {
        String file = SectionDocuments.fileKey(r.file());
        Section head = s;
        for (int i = s.index(); head.label() && i > 0; i--) {
            head = r.sections().get(i - 1);
        }
        for (SectionUnit u : units) {
            if (u.head().index() == head.index()) {
                return List.of(new Ranked(file, u.head().pathString()));
            }
        }
        List<String> prefix = head.path();
        return units.stream().filter(u -> u.head().path().size() > prefix.size()
                        && u.head().path().subList(0, prefix.size()).equals(prefix))
                .map(u -> new Ranked(file, u.head().pathString())).toList();
    }

    private static boolean endsWith(List<String> path, List<String> suffix) {
        return path.size() >= suffix.size() && path.subList(path.size() - suffix.size(), path.size()).equals(suffix);
    }

    /** Scores of a search over the given queries, per kind, in the set's order of kinds. */
    Map<String, Score> judge(List<QualitySet.QualityQuery> queries,
                             BiFunction<String, Integer, List<Ranked>> search) {
        Map<String, Score> byKind = new LinkedHashMap<>();
        for (QualitySet.QualityQuery q : queries) {
            byKind.merge(q.kind(), score(q, search.apply(q.text(), MRR_DEPTH)), Score::plus);
        }
        return byKind;
    }

    /** One query's score: 1 or 0 for files and sections, its reciprocal rank. */
    Score score(QualitySet.QualityQuery q, List<Ranked> hits) {
        Set<Ranked> answers = answers(q);
        Set<String> files = new HashSet<>();
        answers.forEach(a -> files.add(a.file()));
        int fileHit = 0;
        int sectionHit = 0;
        double rr = 0;
        for (int i = 0; i < hits.size() && i < MRR_DEPTH; i++) {
            boolean answer = answers.contains(hits.get(i));
            if (i < CUT) {
                fileHit |= files.contains(hits.get(i).file()) ? 1 : 0;
                sectionHit |= answer ? 1 : 0;
            }
            if (answer && rr == 0) {
                rr = 1.0 / (i + 1);
            }
        }
        return new Score(1, fileHit, sectionHit, rr);
    }

    static Score total(Map<String, Score> byKind) {
        return byKind.values().stream().reduce(new Score(0, 0, 0, 0), Score::plus);
    }
}
