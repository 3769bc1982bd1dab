package dev.incidentconsole.runbook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.commonmark.node.Node;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns Markdown runbooks into {@link Runbook}s. Thread-safe; one instance can be shared.
 *
 * <p>What is recognised: headings and bold labels ({@code **Diagnosis:**}) as sections with a
 * {@link SectionKind}; headings whose parts cover several kinds as procedures; fenced (``` or ~~~, also inside
 * list items) and indented code blocks as steps, shell blocks split into commands by {@link ShellSplitter};
 * service tables, alert headings, symptom and component indexes, front matter and a "Last Updated" date.
 * Content problems never throw: they become {@link ParseWarning}s with line numbers.
 */
public final class RunbookParser {

    /** Obtained when something is logged: a search that logs nothing never starts the logging. */
    private static Logger log() {
        return LoggerFactory.getLogger(RunbookParser.class);
    }

    private final Parser markdown = BlockStarts.install(Parser.builder())
            .includeSourceSpans(IncludeSourceSpans.BLOCKS)
            .inlineParserFactory(new InlineBudget())
            .build();
    private final Components components;

    /** A parser tagging sections with the standard component catalog. */
    public RunbookParser() {
        this(Components.standard());
    }

    public RunbookParser(Components components) {
        this.components = components;
    }

    /**
     * Reads and parses a file, decoding it as UTF-8 (malformed bytes are replaced and reported). Files larger
     * than a few MiB are cut, with a warning. Index links to runbook files that do not exist next to it are
     * warnings naming the file.
     *
     * @throws IOException when the file cannot be read; content problems never throw
     */
    public Runbook parse(Path file) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(SourceText.MAX_CHARS + 1);
        }
        List<ParseWarning> warnings = new ArrayList<>();
        return build(file, SourceText.decode(SourceText.capBytes(bytes, warnings), warnings), warnings, true);
    }

    /**
     * Parses runbook text. Never throws: malformed, binary or empty input gives a model with warnings.
     *
     * @param file the file name to record (need not exist)
     */
    public Runbook parse(Path file, String text) {
        return build(file, text == null ? "" : text, new ArrayList<>(), false);
    }

    /** @param onDisk the file was read from disk: its index links are checked against the files next to it */
    private Runbook build(Path file, String raw, List<ParseWarning> warnings, boolean onDisk) {
        String fallbackTitle = fileTitle(file);
        try {
            String text = SourceText.clean(raw, warnings);
            if (text == null) {
                return empty(file, fallbackTitle, warnings);
            }
            if (text.isBlank()) {
                warnings.add(new ParseWarning(0, "the file is empty"));
                return empty(file, fallbackTitle, warnings);
            }
            FrontMatter.Result front = FrontMatter.read(text, warnings);
            SourceLines lines = new SourceLines(front.body());
            Node document = markdown.parse(front.body());
            InlineBudget.warn(document, warnings);
            MarkdownWalker walker = new MarkdownWalker(lines, warnings);
            List<MarkdownWalker.Item> items = walker.walk(document);
            String title = title(items, front.values(), fallbackTitle);
            List<Section> sections = new SectionBuilder(components, lines).build(items, title);
            if (items.stream().noneMatch(MarkdownWalker.HeadingItem.class::isInstance)) {
                warnings.add(new ParseWarning(0, "no headings: the whole file is read as one section"));
            }
            if (text.indexOf('\uFFFD') >= 0) {
                sections.forEach(s -> s.commands().forEach(c -> {
                    String undecoded = c.undecodedWarning();
                    if (undecoded != null) {
                        warnings.add(new ParseWarning(c.line(), undecoded));
                    }
                }));
            }
            List<ServiceEntry> services = new ArrayList<>();
            walker.tables().forEach(t -> services.addAll(ServiceTables.read(t, warnings)));
            List<IndexEntry> index = IndexReader.read(sections, walker.linkedItems(), walker.tables());
            if (onDisk) {
                warnings.addAll(IndexLinks.missing(file, index));
            }
            warnings.sort((a, b) -> Integer.compare(a.line(), b.line()));
            return new Runbook(file, title, LastUpdated.find(front.values(), sections), front.values(), sections,
                    services, AlertNames.find(sections), index, warnings);
        } catch (RuntimeException | StackOverflowError e) {
            // A parser bug must not keep the engineer from the rest of their runbooks.
            log().warn("Could not parse {}", file, e);
            warnings.add(new ParseWarning(0, "the runbook could not be read (" + e.getClass().getSimpleName()
                    + "); open it in an editor to check its Markdown"));
            return empty(file, fallbackTitle, warnings);
        }
    }

    private static String title(List<MarkdownWalker.Item> items, Map<String, Object> frontMatter, String fallback) {
        for (MarkdownWalker.Item item : items) {
            if (item instanceof MarkdownWalker.HeadingItem h && h.level() == 1 && !h.title().isBlank()) {
                return h.title();
            }
        }
        Object fm = frontMatter.get("title");
        if (fm != null && !String.valueOf(fm).isBlank()) {
            return String.valueOf(fm).strip();
        }
        return fallback;
    }

    private static String fileTitle(Path file) {
        Path name = file == null ? null : file.getFileName();
        if (name == null) {
            return "Untitled runbook";
        }
        String n = name.toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    private static Runbook empty(Path file, String title, List<ParseWarning> warnings) {
        return new Runbook(file, title, null, Map.of(), List.of(), List.of(), List.of(), List.of(), warnings);
    }
}
