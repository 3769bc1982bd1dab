package dev.incidentconsole.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.incidentconsole.app.Main;
import dev.incidentconsole.app.settings.LaunchOptions;
import dev.incidentconsole.app.settings.Settings;
import dev.incidentconsole.app.settings.SettingsStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** {@code search} run in-process against runbooks written into temp folders. */
class SearchCommandTest {
    private static final String DATABASE = """
            # Database Runbook

            ## Connection Pool Exhausted

            **Symptoms:** the API logs `too many connections` and PgBouncer clients wait

            **Resolution:**
            ```bash
            psql -c "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE state = 'idle in transaction'"
            ```
            """;
    private static final String CACHE = """
            # Cache Runbook

            ## Redis Refuses Connections

            **Symptoms:** `redis-cli ping` gets no PONG; too many connections to Redis from the workers

            **Resolution:** restart the Redis pod with `kubectl rollout restart statefulset/redis`.
            """;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final RunSystemProperties properties = new RunSystemProperties();
    private String savedHome;

    @BeforeEach
    void bundledRunbooksLiveInATempHome() throws IOException {
        savedHome = System.getProperty("incident.home");
        Files.createDirectories(dir.resolve("home/runbooks"));
        Files.writeString(dir.resolve("home/runbooks/database.md"), DATABASE);
        System.setProperty("incident.home", dir.resolve("home").toString());
        Files.createDirectories(dir.resolve("team"));
        Files.writeString(dir.resolve("team/cache.md"), CACHE);
        properties.set("incident.config.dir", dir.resolve("config").toString());
        properties.set("incident.data.dir", dir.resolve("data").toString());
    }

    private void saveSettings(Settings settings) throws IOException {
        new SettingsStore(dir.resolve("config").resolve(SettingsStore.FILE_NAME)).save(settings);
    }

    @AfterEach
    void restoreHome() {
        properties.restore();
        if (savedHome == null) {
            System.clearProperty("incident.home");
        } else {
            System.setProperty("incident.home", savedHome);
        }
    }

    private int run(String... args) {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    private JsonNode json() throws IOException {
        return new ObjectMapper().readTree(out.toString());
    }

    private List<String> files(JsonNode hits) {
        List<String> files = new ArrayList<>();
        hits.forEach(h -> files.add(Path.of(h.get("file").asText()).getFileName().toString()));
        return files;
    }

    @Test
    void eachSetOfRunbookPathsHasItsOwnIndexFolderWhateverTheOrder() {
        SearchCommand search = new SearchCommand(LaunchOptions.of(
                java.util.Map.of(LaunchOptions.DATA_DIR, dir.resolve("data").toString()), java.util.Map.of()));
        Path a = dir.resolve("home/runbooks");
        Path b = dir.resolve("team");
        Path both = search.indexFolder(List.of(a, b));
        assertThat(both.getParent()).isEqualTo(dir.resolve("data/search-index"));
        assertThat(both.getFileName().toString()).matches("[0-9a-f]{16}");
        assertThat(search.indexFolder(List.of(b, a))).isEqualTo(both);
        assertThat(search.indexFolder(List.of(a))).isNotEqualTo(both).isNotEqualTo(search.indexFolder(List.of(b)));
    }

    @Test
    void jsonHitsCarryTheContractFields() throws IOException {
        assertThat(run("search", "--json", "too", "many", "connections")).isZero();

        JsonNode hits = json();
        assertThat(hits).hasSize(1);
        JsonNode hit = hits.get(0);
        assertThat(hit.get("file").asText()).isEqualTo(dir.resolve("home/runbooks/database.md").toAbsolutePath().normalize().toString());
        assertThat(hit.get("section").asText()).isEqualTo("Database Runbook > Connection Pool Exhausted");
        assertThat(hit.get("line").asInt()).isEqualTo(3);
        assertThat(hit.get("kind").asText()).isIn(java.util.Arrays.stream(dev.incidentconsole.runbook.SectionKind.values())
                .map(dev.incidentconsole.runbook.SectionKind::label).toList());
        assertThat(hit.get("score").floatValue()).isPositive();
        assertThat(hit.get("snippet").asText()).containsIgnoringCase("too many connections").doesNotContain("«");
        assertThat(hit.get("components").toString()).contains("PgBouncer");
        assertThat(hit.get("matched").toString()).contains("{\"word\":\"connections\",\"field\":\"heading\"}");
        assertThat(hit.fieldNames()).toIterable().containsExactlyInAnyOrder("file", "section", "line", "kind", "score",
                "snippet", "components", "matched");
    }

    @Test
    void runbooksOptionReplacesTheBundledOnesAndRepeats() throws IOException {
        assertThat(run("search", "--json", "--runbooks", dir.resolve("team").toString(), "too many connections")).isZero();
        assertThat(files(json())).containsExactly("cache.md");

        out.getBuffer().setLength(0);
        assertThat(run("search", "--json", "--runbooks", dir.resolve("team").toString(),
                "--runbooks", dir.resolve("home/runbooks/database.md").toString(), "too many connections")).isZero();
        assertThat(files(json())).containsExactlyInAnyOrder("cache.md", "database.md");
    }

    @Test
    void aTrailingPathToRunbooksIsSearchedInsteadOfBeingQueryWords() throws IOException {
        assertThat(run("search", "--json", "too many connections", dir.resolve("team").toString())).isZero();
        assertThat(files(json())).containsExactly("cache.md");
    }

    @Test
    void aTrailingFolderTakenAsRunbooksIsReportedWithTheWayOut() throws IOException {
        String team = dir.resolve("team").toString();
        assertThat(run("search", "--json", "too many connections", team)).isZero();
        assertThat(err.toString()).contains("searching " + team + " (taken as --runbooks; use -- to search for it as words)");
    }

    @Test
    void aTrailingMarkdownFileIsSearchedInsteadOfBeingAQueryWord() throws IOException {
        assertThat(run("search", "--json", "too many connections", dir.resolve("team/cache.md").toString())).isZero();
        assertThat(files(json())).containsExactly("cache.md");
    }

    @Test
    void wordsAfterDoubleDashAreQueryWordsEvenWhenTheyNameRunbooks() throws IOException {
        assertThat(run("search", "--json", "--", "too many connections", dir.resolve("team").toString())).isZero();
        assertThat(files(json())).containsExactly("database.md");
        assertThat(err.toString()).doesNotContain("taken as --runbooks");
    }

    @Test
    void aWordAfterDoubleDashStaysAQueryWordWhenWordsComeBeforeTheDashesToo() throws IOException {
        // the words after -- are the trailing ones: counting them from the front took the folder as runbooks
        assertThat(run("search", "--json", "too many connections", "--", dir.resolve("team").toString())).isZero();
        assertThat(files(json())).containsExactly("database.md");
        assertThat(err.toString()).doesNotContain("taken as --runbooks");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"the filesystem root,/", "a system folder,/var/log", "a folder holding only folders of runbooks,"})
    void aTrailingFolderWithoutRunbooksOfItsOwnStaysAQueryWord(String what, String folder) throws IOException {
        String word = folder == null ? dir.toString() : folder;
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(Path.of(word)), word + " is not a folder here");

        assertThat(run("search", "--json", "too many connections", word)).isZero();

        assertThat(files(json())).containsExactly("database.md");
        assertThat(err.toString()).doesNotContain("taken as --runbooks");
    }

    @Test
    void aRelativeFolderWithoutRunbooksStaysAQueryWord() throws IOException {
        Files.createDirectories(dir.resolve("api/v1"));
        Files.writeString(dir.resolve("api/v1/notes.log"), "500 on api/v1");
        String relative = Path.of("").toAbsolutePath().relativize(dir.resolve("api/v1")).toString();

        assertThat(run("search", "--json", "too many connections", relative)).isZero();

        assertThat(files(json())).containsExactly("database.md");
        assertThat(err.toString()).doesNotContain("taken as --runbooks");
    }

    @Test
    void aUrlOrAWordThatCannotBeAPathIsAQueryWord() {
        assertThat(SearchCommand.runbookPath("https://status.example.com/x")).isEmpty();
        assertThat(SearchCommand.runbookPath("C:\\x\0y")).isEmpty();
    }

    @Test
    void aWordWithASlashThatNamesNothingStaysAQueryWord() throws IOException {
        assertThat(run("search", "--json", "--runbooks", dir.resolve("team").toString(), "redis-cli", "ping",
                "/no/such/folder")).isZero();
        assertThat(files(json())).containsExactly("cache.md");
        assertThat(err.toString()).doesNotContain("/no/such/folder");
    }

    @Test
    void componentOptionKeepsOnlySectionsAboutIt() throws IOException {
        String team = dir.resolve("team").toString();
        String home = dir.resolve("home/runbooks").toString();

        assertThat(run("search", "--json", "--runbooks", team, "--runbooks", home, "--component", "redis", "connections")).isZero();

        JsonNode hits = json();
        assertThat(files(hits)).containsExactly("cache.md");
        assertThat(hits.get(0).get("components").toString()).contains("Redis");
    }

    @Test
    void humanOutputShowsRankScoreLocationPathAndMarkedWords() {
        assertThat(run("search", "--runbooks", dir.resolve("team").toString(), "redis ping")).isZero();

        String text = out.toString();
        assertThat(text).containsPattern("(?m)^1\\. +\\d+\\.\\d{2}  .*cache\\.md:3  Cache Runbook > Redis Refuses Connections$");
        assertThat(text).contains("«").contains("components: Redis");
    }

    @Test
    void noMatchesIsNotAnError() throws IOException {
        assertThat(run("search", "kafka rebalancing storm")).isZero();
        assertThat(out.toString().strip()).isEqualTo("no matches");

        out.getBuffer().setLength(0);
        assertThat(run("search", "--json", "kafka rebalancing storm")).isZero();
        assertThat(json()).isEmpty();
    }

    @Test
    void limitCapsTheHits() throws IOException {
        String team = dir.resolve("team").toString();
        String home = dir.resolve("home/runbooks").toString();
        assertThat(run("search", "--json", "--limit", "1", "--runbooks", team, "--runbooks", home, "connections")).isZero();
        assertThat(json()).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no query              | search",
            "blank query           | 'search; '",
            "limit below one       | search;--limit;0;redis",
            "limit not a number    | search;--limit;many;redis",
            "unknown option        | search;--fuzzy;redis",
            "runbooks path missing | search;--runbooks;/no/such/folder;redis"})
    void usageErrorsExitTwo(String name, String args) {
        assertThat(run(args.split(";"))).isEqualTo(2);
        assertThat(err.toString()).isNotBlank().doesNotContain("Exception");
    }

    @Test
    void foldersAddedInTheSettingsAreSearchedBesideTheBundledOnes() throws IOException {
        assertThat(run("search", "--json", "too many connections")).isZero();
        assertThat(files(json())).containsExactly("database.md");

        saveSettings(Settings.defaults().withFolder(dir.resolve("team")));
        out.getBuffer().setLength(0);
        assertThat(run("search", "--json", "too many connections")).isZero();
        assertThat(files(json())).containsExactlyInAnyOrder("database.md", "cache.md");

        out.getBuffer().setLength(0);
        assertThat(run("search", "--json", "--runbooks", dir.resolve("home/runbooks").toString(), "too many connections")).isZero();
        assertThat(files(json())).as("--runbooks replaces the settings' folders too").containsExactly("database.md");
    }

    @Test
    void theSettingsSynonymsFileWidensTheSearch() throws IOException {
        assertThat(run("search", "--json", "--runbooks", dir.resolve("team").toString(), "kvstore")).isZero();
        assertThat(json()).isEmpty();

        Path synonyms = Files.writeString(dir.resolve("ops-synonyms.txt"), "kvstore, redis\n");
        saveSettings(Settings.defaults().withSynonymsFile(synonyms));
        out.getBuffer().setLength(0);
        assertThat(run("search", "--json", "--runbooks", dir.resolve("team").toString(), "kvstore")).isZero();
        assertThat(files(json())).containsExactly("cache.md");
    }

    @Test
    void brokenSettingsAreReportedAndTheSearchStillRuns() throws IOException {
        Path gone = dir.resolve("moved-away");
        Path synonyms = Files.writeString(dir.resolve("bad-synonyms.txt"), "redis => cache => kv\n");
        saveSettings(Settings.defaults().withFolder(gone).withSynonymsFile(synonyms));

        assertThat(run("search", "--json", "too many connections")).isZero();

        assertThat(files(json())).containsExactly("database.md");
        assertThat(err.toString()).contains(gone.toString()).contains("does not exist")
                .contains("bad-synonyms.txt").contains("bundled synonyms");
    }
}
