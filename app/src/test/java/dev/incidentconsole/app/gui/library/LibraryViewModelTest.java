package dev.incidentconsole.app.gui.library;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.app.gui.search.SearchTestRunbooks;
import dev.incidentconsole.app.gui.util.DirectTaskExecutor;
import dev.incidentconsole.app.settings.Settings;
import dev.incidentconsole.app.settings.SettingsStore;
import dev.incidentconsole.app.settings.Workspace;
import dev.incidentconsole.search.SearchHit;
import dev.incidentconsole.search.SearchQuery;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/** Folder settings: persisted with the real store, applied to a real index over real folders. */
class LibraryViewModelTest {
    private static final String TEAM_RUNBOOK = """
            # Team Runbook

            ## Zookeeper Quorum Lost

            **Symptoms:** the ensemble cannot elect a leader
            """;

    @TempDir
    Path dir;
    private Path bundled;
    private Path team;
    private SettingsStore store;
    private RunbookLibrary library;

    @BeforeEach
    void folders() throws IOException {
        bundled = SearchTestRunbooks.write(dir.resolve("bundled"));
        team = Files.createDirectories(dir.resolve("team"));
        Files.writeString(team.resolve("zookeeper.md"), TEAM_RUNBOOK);
        store = new SettingsStore(dir.resolve("config/settings.json"));
        library = new RunbookLibrary(Path.of(System.getProperty("java.io.tmpdir")));
    }

    @AfterEach
    void close() {
        library.close();
    }

    private LibraryViewModel started() {
        LibraryViewModel model = new LibraryViewModel(new DirectTaskExecutor(), library, store);
        library.setOnChange(() -> model.update(library.snapshot()));
        model.start(bundled);
        return model;
    }

    private List<String> titles(String text) {
        return library.search(SearchQuery.of(text)).stream().map(SearchHit::title).toList();
    }

    @Test
    void anAddedFolderIsSavedSearchedAndStillThereAfterARestart() throws IOException {
        LibraryViewModel model = started();
        assertThat(titles("zookeeper quorum")).isEmpty();

        model.addFolder(team);

        assertThat(titles("zookeeper quorum")).containsExactly("Zookeeper Quorum Lost");
        assertThat(store.load().runbookFolders()).containsExactly(team);
        assertThat(model.statusProperty().get()).startsWith("4 runbooks").contains("2 folders");

        library.close();
        library = new RunbookLibrary(Path.of(System.getProperty("java.io.tmpdir")));
        LibraryViewModel again = started();
        assertThat(again.extraFolders()).containsExactly(team);
        assertThat(titles("zookeeper quorum")).containsExactly("Zookeeper Quorum Lost");
        assertThat(titles("sentinel")).as("the bundled folder too").containsExactly("Redis Refuses Connections");
    }

    @Test
    void addingAFolderKeepsTheThemeAndStoreChosenSinceTheViewLoaded() throws IOException {
        LibraryViewModel model = started();
        store.update(s -> s.withDark(true).withStore("jdbc:postgresql://db.internal/incidents", "ops"));

        model.addFolder(team);

        Settings saved = store.load();
        assertThat(saved.runbookFolders()).containsExactly(team);
        assertThat(saved.dark()).isTrue();
        assertThat(saved.storeUrl()).isEqualTo("jdbc:postgresql://db.internal/incidents");
    }

    @Test
    void aRemovedFolderIsNoLongerSearched() throws IOException {
        store.save(Settings.defaults().withFolder(team));
        LibraryViewModel model = started();
        assertThat(titles("zookeeper quorum")).isNotEmpty();

        model.removeFolder(team);

        assertThat(titles("zookeeper quorum")).isEmpty();
        assertThat(store.load().runbookFolders()).isEmpty();
        assertThat(model.extraFolders()).isEmpty();
    }

    @Test
    void aMissingFolderIsReportedAndTheOthersStillSearched() {
        LibraryViewModel model = started();

        model.addFolder(dir.resolve("gone"));

        assertThat(model.problemsProperty().get()).contains(dir.resolve("gone").toString()).contains("does not exist");
        assertThat(titles("sentinel")).containsExactly("Redis Refuses Connections");
    }

    @Test
    void aBrokenSettingsFileIsReportedAndTheBundledRunbooksStillSearched() throws IOException {
        Files.createDirectories(store.file().getParent());
        Files.writeString(store.file(), "{ not json");

        LibraryViewModel model = started();

        assertThat(model.problemsProperty().get()).contains(store.file().toString()).contains("not valid JSON");
        assertThat(titles("sentinel")).containsExactly("Redis Refuses Connections");
    }

    @Test
    void userSynonymsApplyToSearches() throws IOException {
        LibraryViewModel model = started();
        assertThat(titles("keystore")).isEmpty();
        Path words = Files.writeString(dir.resolve("synonyms.txt"), "keystore, redis\n");

        model.setSynonymsFile(words);

        assertThat(titles("keystore")).contains("Redis Refuses Connections");
        assertThat(store.load().synonymsFile()).isEqualTo(words);
    }

    @Test
    void aRunbookSavedIntoASearchedFolderIsFoundWithoutRestarting() throws IOException, TimeoutException {
        started();
        Files.writeString(bundled.resolve("tls.md"), "# TLS\n\n## Certificate Expired\n\nRenew it with cert-manager.\n");

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> titles("cert-manager").contains("Certificate Expired"));
    }

    @Test
    void switchingWorkspaceSearchesTheNewFolderInsteadOfTheOldOne() {
        LibraryViewModel model = started();
        assertThat(titles("redis refuses connections")).contains("Redis Refuses Connections");

        model.useWorkspace(team);

        assertThat(model.sessionFolders()).containsExactly(team);
        assertThat(titles("zookeeper quorum")).containsExactly("Zookeeper Quorum Lost");
        assertThat(titles("redis refuses connections")).doesNotContain("Redis Refuses Connections");
    }

    @Test
    void aWorkspaceSynonymsFileAppliesUnlessTheSettingsNameOne() throws IOException {
        Files.writeString(team.resolve(Workspace.SYNONYMS_FILE), "zk, zookeeper\n");
        LibraryViewModel model = started();
        model.useWorkspace(team);
        assertThat(titles("zk")).containsExactly("Zookeeper Quorum Lost");

        Path ours = Files.writeString(dir.resolve("ours.txt"), "ensemble, cluster\n");
        model.setSynonymsFile(ours);

        assertThat(titles("zk")).isEmpty();
    }
}
