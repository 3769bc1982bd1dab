package dev.incidentconsole.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.incidentconsole.app.settings.LaunchOptions;
import dev.incidentconsole.app.settings.SavedSettings;
import dev.incidentconsole.app.settings.Settings;
import dev.incidentconsole.app.settings.Workspace;
import dev.incidentconsole.runbook.Runbook;
import dev.incidentconsole.runbook.RunbookFiles;
import dev.incidentconsole.runbook.RunbookParser;
import dev.incidentconsole.search.IndexListener;
import dev.incidentconsole.search.Match;
import dev.incidentconsole.search.RunbookIndex;
import dev.incidentconsole.search.SearchHit;
import dev.incidentconsole.search.SearchQuery;
import dev.incidentconsole.search.Synonyms;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code incident-console search QUERY...}: the sections that best answer a symptom, alert or error. Searches
 * what the app's search does: the workspace ({@link Workspace#forCommandLine}) plus the folders added in the settings,
 * with the settings' synonyms file (else the workspace's); {@code --runbooks} replaces the folders (the synonyms
 * still apply).
 */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Search runbook sections by symptom, alert name, error message, component or command.",
                "Words may be given without quotes; \"quoted words\" must appear as a phrase."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:search ran (with or without matches)", "2:usage error"})
public final class SearchCommand implements Callable<Integer> {
    private final LaunchOptions options;

    /** @param options where the workspace, the settings and the index folder are */
    public SearchCommand(LaunchOptions options) {
        this.options = options;
    }

    /** Obtained when something is logged: a search that logs nothing never starts the logging. */
    private static Logger log() {
        return LoggerFactory.getLogger(SearchCommand.class);
    }

    /** One hit in {@code --json} output; the field names are a contract (see README). */
    record JsonHit(String file, String section, int line, String kind, float score, String snippet,
                   List<String> components, List<JsonMatch> matched) {
        static JsonHit of(SearchHit hit) {
            return new JsonHit(hit.file().toString(), hit.pathString(), hit.line(), hit.kind().label(), hit.score(),
                    hit.snippet().text(), hit.components(), hit.matched().stream().map(JsonMatch::of).toList());
        }
    }

    /** Why a hit was found: a word of the query and where the section holds it. */
    record JsonMatch(String word, String field) {
        static JsonMatch of(Match m) {
            return new JsonMatch(m.word(), m.field().label());
        }
    }

    @Parameters(arity = "1..*", paramLabel = "QUERY", description = {"What to look for, e.g. too many connections.",
            "Trailing paths (with a /) to a .md file or a folder directly holding one are searched instead, as with"
                    + " --runbooks; words after -- are always query words."})
    List<String> words;

    @Option(names = "--runbooks", paramLabel = "PATH",
            description = "Runbook file or folder to search (repeatable); replaces the workspace ($INCIDENT_WORKSPACE, "
                    + "else the window's, else the bundled demo) and the folders added in the settings.")
    List<Path> runbooks = new ArrayList<>();

    @Option(names = "--component", paramLabel = "NAME",
            description = "Only sections about this component, e.g. Redis (repeatable: any of them).")
    List<String> components = new ArrayList<>();

    @Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "At most N hits (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "Print one JSON array: file, section, line, kind, score, snippet, components,"
            + " matched.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        String text = String.join(" ", trailingPathsAsRunbooks()).strip();
        if (text.isEmpty() && components.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "QUERY is empty; give the symptom, alert or error to look for.");
        }
        if (limit < 1) {
            throw new ParameterException(spec.commandLine(), "--limit must be at least 1, got " + limit + ".");
        }
        SavedSettings saved = SavedSettings.once(options.settings()::load);
        Settings settings = settings(saved);
        Workspace workspace = null;
        if (runbooks.isEmpty()) {
            workspace = ReadablePath.workspace(spec.commandLine(), spec.commandLine().getErr(), options, saved);
        }
        List<Path> roots = workspace != null ? defaultRoots(workspace, settings) : runbooks;
        for (Path root : runbooks) {
            Optional<String> problem = ReadablePath.problem(root);
            if (problem.isPresent()) {
                throw new ParameterException(spec.commandLine(), "Runbook path " + root + " " + problem.get()
                        + "; check --runbooks.");
            }
        }
        List<SearchHit> hits;
        Synonyms synonyms = synonyms(settings.synonymsFile() != null || workspace == null ? settings.synonymsFile()
                : workspace.synonymsFile());
        try (RunbookIndex index = open(roots, synonyms)) {
            hits = index.search(new SearchQuery(text, Set.copyOf(components), Set.of(), Set.of(), limit));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(hits.stream().map(JsonHit::of).toList()));
        } else if (hits.isEmpty()) {
            out.println("no matches");
        } else {
            print(out, hits);
        }
        out.flush();
        return 0;
    }

    /**
     * The query words without those at the end that name runbooks ({@code search 429s ~/team-runbooks}, as
     * {@code incident-console FOLDER} opens one), which become {@code --runbooks}: a word holding a separator that
     * is a Markdown file or a folder directly holding one. Anything else ({@code /}, {@code /var/lib/docker}, a
     * URL, {@code api/v1}) stays a query word, as does every word after {@code --} and the first word. Each word
     * taken is reported on stderr, with the way to search for it as words instead.
     */
    private List<String> trailingPathsAsRunbooks() {
        List<String> query = new ArrayList<>(words);
        if (wordsAfterEndOfOptions() > 0) {
            return query; // the words after -- are the trailing ones: none of them is a path
        }
        while (query.size() > 1) {
            String last = query.get(query.size() - 1);
            Optional<Path> runbookPath = runbookPath(last);
            if (runbookPath.isEmpty()) {
                break;
            }
            warn("searching " + last + " (taken as --runbooks; use -- to search for it as words)");
            runbooks.add(0, runbookPath.get());
            query.remove(query.size() - 1);
        }
        return query;
    }

    /** How many query words follow {@code --} (picocli takes every argument after it as a QUERY word). */
    private int wordsAfterEndOfOptions() {
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        int end = args.indexOf("--");
        return end < 0 ? 0 : args.size() - end - 1;
    }

    /** The word as a path when it is written as one and names a Markdown runbook or a folder directly holding one. */
    static Optional<Path> runbookPath(String word) {
        if (word.indexOf('/') < 0 && word.indexOf(File.separatorChar) < 0) {
            return Optional.empty();
        }
        Path path;
        try {
            path = Path.of(word);
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
        if (Files.isRegularFile(path)) {
            return isMarkdown(path) ? Optional.of(path) : Optional.empty();
        }
        if (!Files.isDirectory(path)) {
            return Optional.empty();
        }
        try (Stream<Path> entries = Files.list(path)) {
            return entries.anyMatch(f -> isMarkdown(f) && Files.isRegularFile(f)) ? Optional.of(path) : Optional.empty();
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    private static boolean isMarkdown(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        return RunbookFiles.isRunbook(file) && (name.endsWith(".md") || name.endsWith(".markdown"));
    }

    /** The user's settings; unreadable ones are reported and the defaults used, as the app does. */
    private Settings settings(SavedSettings saved) {
        try {
            return saved.load();
        } catch (IOException e) {
            warn(e.getMessage() + " Searching the bundled runbooks only.");
            return Settings.defaults();
        }
    }

    /** The workspace and the settings' folders that exist (a missing one is reported, not fatal). */
    private List<Path> defaultRoots(Workspace workspace, Settings settings) {
        List<Path> roots = new ArrayList<>(List.of(workspace.folder()));
        for (Path folder : settings.runbookFolders()) {
            Optional<String> problem = ReadablePath.problem(folder);
            if (problem.isEmpty()) {
                roots.add(folder);
            } else {
                warn("The runbook folder " + folder + " from the settings " + problem.get() + "; it is skipped.");
            }
        }
        return roots;
    }

    /** The synonyms, compiled once and kept beside the indexes (a later search maps them instead of building them). */
    private Synonyms synonyms(Path file) {
        Path kept = searchData();
        if (file != null) {
            try {
                return Synonyms.kept(kept, file);
            } catch (IOException e) {
                warn(e.getMessage() + " Searching with the bundled synonyms only.");
            }
        }
        try {
            return Synonyms.kept(kept, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void warn(String message) {
        PrintWriter err = spec.commandLine().getErr();
        err.println(message);
        err.flush();
    }

    /**
     * The index kept in the data folder for this set of runbook paths, brought up to date (only changed files are
     * parsed; read-only when none changed). While another search holds it, or when the data folder cannot be written, the runbooks are indexed
     * in a temporary folder as before: slower, same answers.
     */
    private RunbookIndex open(List<Path> roots, Synonyms synonyms) throws IOException {
        Path folder = indexFolder(roots);
        PrintWriter err = spec.commandLine().getErr();
        IndexListener report = new IndexListener() {
            @Override
            public void failed(Path file, String message) {
                err.println(message);
                err.flush();
            }
        };
        try {
            return RunbookIndex.stored(folder, runbookFiles(roots), synonyms, report);
        } catch (IOException | RuntimeException e) {
            log().debug("Search index {} not used: {}", folder, e.toString());
            RunbookIndex index = new RunbookIndex(synonyms, IndexListener.NONE, options.localUser().tempDir());
            index.addAll(parse(roots));
            return index;
        }
    }

    /**
     * One index per set of runbook paths searched together, named by a 64-bit hash of their absolute paths: the
     * bundled runbooks with the settings' folders are one set, each {@code --runbooks} list another. One index, not
     * one per folder, so a search stays one segment with statistics over everything it ranks. Two checksums rather
     * than SHA-256: a {@code MessageDigest} first loads the JDK's security providers, 0.1-0.15 s of every search;
     * a name shared by two sets (about 1 in 2^64) would cost rebuilds, never wrong answers, since the index's
     * stamps name each file.
     */
    Path indexFolder(List<Path> roots) {
        byte[] joined = String.join("\n", roots.stream().map(p -> p.toAbsolutePath().normalize().toString())
                .sorted().toList()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(joined);
        java.util.zip.CRC32C crcc = new java.util.zip.CRC32C();
        crcc.update(joined);
        return searchData()
                .resolve(java.util.HexFormat.of().toHexDigits(crc.getValue() << 32 | crcc.getValue()));
    }

    /** The data folder's part for search: one index folder per set of runbook paths, and the kept synonyms. */
    private Path searchData() {
        return options.dataDir().resolve("search-index");
    }

    private List<Path> runbookFiles(List<Path> roots) throws IOException {
        return RunbookFiles.find(roots.toArray(Path[]::new));
    }

    /** Every runbook under the roots; one that cannot be read is reported and skipped. */
    private List<Runbook> parse(List<Path> roots) throws IOException {
        RunbookParser parser = new RunbookParser();
        List<Runbook> parsed = new ArrayList<>();
        PrintWriter err = spec.commandLine().getErr();
        for (Path file : RunbookFiles.find(roots.toArray(Path[]::new))) {
            try {
                parsed.add(parser.parse(file));
            } catch (IOException | RuntimeException e) {
                err.println("Skipped " + file + ": it cannot be read (" + e.getMessage() + ").");
            }
        }
        err.flush();
        return parsed;
    }

    private static void print(PrintWriter out, List<SearchHit> hits) {
        Path cwd = Path.of("").toAbsolutePath();
        int width = String.valueOf(hits.size()).length();
        for (int i = 0; i < hits.size(); i++) {
            SearchHit hit = hits.get(i);
            Path file = hit.file().startsWith(cwd) ? cwd.relativize(hit.file()) : hit.file();
            out.printf(Locale.ROOT, "%" + width + "d. %6.2f  %s:%d  %s%n", i + 1, hit.score(), file, hit.line(), hit.pathString());
            String indent = " ".repeat(width + 2);
            out.println(indent + hit.snippet().marked());
            if (!hit.components().isEmpty()) {
                out.println(indent + "components: " + String.join(", ", hit.components()));
            }
            if (!hit.matched().isEmpty()) {
                out.println(indent + "matched: " + Match.describe(hit.matched()));
            }
        }
    }
}
