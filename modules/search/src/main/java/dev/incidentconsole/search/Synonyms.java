package dev.incidentconsole.search;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymMap;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.text.ParseException;

/**
 * Operations synonyms applied at query time ("429" finds "rate limiting", "db" finds "PostgreSQL").
 *
 * <p>Rules are in Solr format: {@code a, b, c} makes the terms equivalent, {@code a => b} rewrites one way,
 * {@code #} starts a comment. The bundled rules ({@code synonyms.txt} next to this class) can be extended by a
 * user file with the same format. Rules are analysed with the query chain, so "restarts" and "restarting"
 * match a rule written as "restart". Immutable and thread-safe.
 */
public final class Synonyms {

    private static final String RESOURCE = "synonyms.txt";
    private static final Synonyms NONE = new Synonyms(new SynonymMap(null, null, 0), 0, Map.of());
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}_.-]*");

    private final SynonymMap map;
    private final int rules;
    /** Each analysed rule word as the rules spell it ("standbi" as "standby"), for showing why a hit matched. */
    private final Map<String, String> spellings;

    Synonyms(SynonymMap map, int rules, Map<String, String> spellings) {
        this.map = map;
        this.rules = rules;
        this.spellings = Map.copyOf(spellings);
    }

    Map<String, String> spellings() {
        return spellings;
    }

    /** A synonym term as the rules write it; the term itself when no rule word analyses to it. */
    String spelling(String term) {
        return spellings.getOrDefault(term, term);
    }

    /** No synonyms at all. */
    public static Synonyms none() {
        return NONE;
    }

    /** The rules shipped with the app. */
    public static Synonyms bundled() {
        try {
            return build(null);
        } catch (IOException e) {
            throw new UncheckedIOException("The bundled " + RESOURCE + " cannot be read", e);
        }
    }

    /**
     * The bundled rules plus the user's.
     *
     * @param userFile a Solr-format synonyms file
     * @throws IOException with a one-sentence message naming the file (and line) when it is missing, unreadable
     *                     or holds a rule that cannot be parsed
     */
    public static Synonyms withUserFile(Path userFile) throws IOException {
        return build(userFile);
    }

    /**
     * The bundled rules plus the user's, compiled once and kept in {@code folder} for later processes (see
     * {@link KeptSynonyms}): the same synonyms as {@link #withUserFile} or {@link #bundled}, built again and kept
     * when the rules, the user file, the app's code or Lucene changed, or when the kept file is damaged. A folder
     * that cannot be written costs the build at every call, never an error.
     *
     * @param folder   where the compiled synonyms are kept (created when missing), e.g. beside the search index
     * @param userFile a Solr-format synonyms file, or {@code null} for the bundled rules alone
     * @throws IOException as {@link #withUserFile}, when the user file is missing, unreadable or holds a bad rule
     */
    public static Synonyms kept(Path folder, Path userFile) throws IOException {
        String bundled = bundledText();
        String user = userFile == null ? null : userText(userFile);
        String key = KeptSynonyms.key(bundled, userFile, user);
        Path file = KeptSynonyms.file(folder, userFile);
        Synonyms synonyms = KeptSynonyms.load(file, key);
        if (synonyms == null) {
            synonyms = build(bundled, user, userFile);
            KeptSynonyms.save(file, key, synonyms);
        }
        return synonyms;
    }

    /** How many rule lines were read (bundled plus user). */
    public int ruleCount() {
        return rules;
    }

    SynonymMap map() {
        return map;
    }

    private static Synonyms build(Path userFile) throws IOException {
        return build(bundledText(), userFile == null ? null : userText(userFile), userFile);
    }

    private static Synonyms build(String bundled, String user, Path userFile) throws IOException {
        SolrSynonymParser parser = new SolrSynonymParser(true, true, OpsAnalyzer.forSynonymRules());
        Map<String, String> spellings = new HashMap<>();
        int count = parse(parser, bundled, RESOURCE);
        spell(bundled, spellings);
        if (user != null) {
            count += parse(parser, user, userFile.toString());
            spell(user, spellings);
        }
        return new Synonyms(parser.build(), count, spellings);
    }

    private static String bundledText() throws IOException {
        try (InputStream in = Synonyms.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("The bundled " + RESOURCE + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String userText(Path userFile) throws IOException {
        try {
            return Files.readString(userFile, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IOException("Synonyms file " + userFile + " does not exist; create it or remove it from the settings.", e);
        } catch (IOException e) {
            throw new IOException("Synonyms file " + userFile + " cannot be read (" + e.getMessage() + "); check it is UTF-8 text.", e);
        }
    }

    private static void spell(String rules, Map<String, String> spellings) {
        for (String line : rules.split("\n")) {
            if (!line.startsWith("#")) {
                Matcher m = WORD.matcher(line.toLowerCase(Locale.ROOT));
                while (m.find()) {
                    spellings.putIfAbsent(TypedText.stem(m.group()), m.group());
                }
            }
        }
    }

    private static int parse(SolrSynonymParser parser, String text, String source) throws IOException {
        try (Reader reader = new StringReader(text)) {
            parser.parse(reader);
        } catch (ParseException | IllegalArgumentException e) {
            String why = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
            throw new IOException(source + ": " + e.getMessage() + " (" + why
                    + "); write rules as \"a, b, c\" or \"a => b\".", e);
        }
        return (int) text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).count();
    }
}
