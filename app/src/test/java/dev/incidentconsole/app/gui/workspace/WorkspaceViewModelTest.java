package dev.incidentconsole.app.gui.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.app.gui.util.DirectTaskExecutor;
import dev.incidentconsole.app.gui.util.HeldTaskExecutor;
import dev.incidentconsole.app.settings.Settings;
import dev.incidentconsole.app.settings.SettingsStore;
import dev.incidentconsole.app.settings.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workspace choice and recent list, kept in a real settings file; a new view model on it is a restart. */
class WorkspaceViewModelTest {
    @TempDir
    Path dir;
    private SettingsStore store;
    private Path bundled;
    private Path team;
    private Path other;

    @BeforeEach
    void folders() throws IOException {
        store = new SettingsStore(dir.resolve("config/settings.json"));
        bundled = Files.createDirectories(dir.resolve("app/runbooks"));
        team = Files.createDirectories(dir.resolve("team"));
        other = Files.createDirectories(dir.resolve("other"));
    }

    private WorkspaceViewModel started(Path named) {
        WorkspaceViewModel model = new WorkspaceViewModel(new DirectTaskExecutor(), store, bundled);
        model.start(named);
        return model;
    }

    @Test
    void withNothingChosenTheBundledDemoIsShownAndLabelledSo() {
        WorkspaceViewModel model = started(null);

        assertThat(model.currentProperty().get()).isEqualTo(Workspace.demo(bundled));
        assertThat(model.currentProperty().get().bundled()).isTrue();
        assertThat(model.currentProperty().get().label()).isEqualTo("Demo runbooks (bundled)");
        assertThat(model.recent()).isEmpty();
    }

    @Test
    void anOpenedFolderIsShownRememberedAndStillChosenAfterARestart() throws IOException {
        WorkspaceViewModel model = started(null);
        store.update(s -> s.withDark(true)); // another part of the app changed a setting meanwhile

        model.open(team);
        model.open(other);

        assertThat(model.currentProperty().get().folder()).isEqualTo(other);
        assertThat(model.currentProperty().get().label()).isEqualTo("other");
        assertThat(model.recent()).containsExactly(other, team);
        WorkspaceViewModel restarted = started(null);
        assertThat(restarted.currentProperty().get().folder()).isEqualTo(other);
        assertThat(restarted.recent()).containsExactly(other, team);
        assertThat(store.load().dark()).as("other settings kept").isTrue();
    }

    @Test
    void aFolderNamedAtStartWinsOverTheChoiceAndBecomesIt() throws IOException {
        started(null).open(team);

        WorkspaceViewModel model = started(other);

        assertThat(model.currentProperty().get().folder()).isEqualTo(other);
        assertThat(store.load().workspace()).isEqualTo(other);
        assertThat(model.recent()).containsExactly(other, team);
    }

    @Test
    void aMissingFolderNamedAtStartIsShownButNotRemembered() throws IOException {
        WorkspaceViewModel model = started(dir.resolve("typo"));

        assertThat(model.currentProperty().get().folder()).isEqualTo(dir.resolve("typo"));
        assertThat(store.load().recentWorkspaces()).isEmpty();
    }

    @Test
    void recentFoldersThatAreGoneAreDroppedWithANoteNamingThem() throws IOException {
        WorkspaceViewModel first = started(null);
        first.open(team);
        first.open(other);
        Files.delete(other);

        WorkspaceViewModel model = started(null);

        assertThat(model.currentProperty().get()).as("the choice is gone: back to the demo").isEqualTo(Workspace.demo(bundled));
        assertThat(model.recent()).containsExactly(team);
        assertThat(model.noteProperty().get()).contains(other.toString()).contains("no longer there");
        assertThat(store.load().recentWorkspaces()).containsExactly(team);
    }

    @Test
    void choosingARecentFolderDeletedSinceKeepsTheCurrentOneAndSaysWhy() throws IOException {
        WorkspaceViewModel model = started(null);
        model.open(other);
        model.open(team);
        Files.delete(other);

        model.open(other);

        assertThat(model.currentProperty().get().folder()).isEqualTo(team);
        assertThat(model.recent()).containsExactly(team);
        assertThat(model.noteProperty().get()).contains(other + " no longer exists");
    }

    @Test
    void goingBackToTheDemoKeepsTheRecentList() throws IOException {
        WorkspaceViewModel model = started(null);
        model.open(team);

        model.openDemo();

        assertThat(model.currentProperty().get().bundled()).isTrue();
        assertThat(model.recent()).containsExactly(team);
        assertThat(started(null).currentProperty().get().bundled()).isTrue();
    }

    @Test
    void aSettingsFileThatCannotBeWrittenStillOpensTheFolderAndSaysItIsNotKept() throws IOException {
        Path unwritable = Files.createDirectories(dir.resolve("blocked/settings.json")); // a folder where the file goes
        WorkspaceViewModel model = new WorkspaceViewModel(new DirectTaskExecutor(), new SettingsStore(unwritable), bundled);

        model.open(team);

        assertThat(model.currentProperty().get().folder()).isEqualTo(team);
        assertThat(model.noteProperty().get()).contains("settings file").contains("will not be remembered");
        assertThat(Settings.RECENT_WORKSPACES).isEqualTo(8);
    }

    @Test
    void anEarlyAnswerIsShownAtOnceAndTheSettingsReadOnTheExecutorReplacesItWhenTheyDisagree() throws IOException {
        started(null).open(team);
        HeldTaskExecutor executor = new HeldTaskExecutor();
        WorkspaceViewModel model = new WorkspaceViewModel(executor, store, bundled);
        List<Path> shown = new ArrayList<>();
        model.currentProperty().addListener((obs, old, now) -> shown.add(now.folder()));

        model.start(null, WorkspaceViewModel.choose(null, store.load(), bundled));
        assertThat(shown).as("before any task ran").containsExactly(team);
        store.update(s -> s.withWorkspace(other)); // changed between the early read and the executor's
        executor.runAll();

        assertThat(shown).containsExactly(team, other);
        assertThat(model.recent()).contains(other, team);
    }

    @Test
    void theCorrectionOfTheEarlyAnswerIsTheLaunchsChoiceAndAnOpenedFolderIsNot() throws IOException {
        started(null).open(team);
        HeldTaskExecutor executor = new HeldTaskExecutor();
        WorkspaceViewModel model = new WorkspaceViewModel(executor, store, bundled);
        List<String> shown = new ArrayList<>();
        model.currentProperty().addListener((obs, old, now) ->
                shown.add(now.folder().getFileName() + (model.launchedProperty().get() ? " launched" : " opened")));

        model.start(null, WorkspaceViewModel.choose(null, store.load(), bundled));
        store.update(s -> s.withWorkspace(other));
        executor.runAll();
        model.open(team);
        executor.runAll();

        assertThat(shown).containsExactly("team launched", "other launched", "team opened");
    }

    @Test
    void aFolderOpenedBeforeTheStartsReadIsDoneWinsOverTheEarlyAnswer() throws IOException {
        started(null).open(team);
        HeldTaskExecutor executor = new HeldTaskExecutor();
        WorkspaceViewModel model = new WorkspaceViewModel(executor, store, bundled);

        model.start(null, WorkspaceViewModel.choose(null, store.load(), bundled));
        model.open(other);
        executor.runAll();

        assertThat(model.currentProperty().get().folder()).isEqualTo(other);
        assertThat(store.load().workspace()).isEqualTo(other);
    }

    @Test
    void theEarlyRuleIsTheStartsRuleNamedFolderThenLastExistingThenDemo() throws IOException {
        started(null).open(team);
        Settings settings = store.load();

        assertThat(WorkspaceViewModel.choose(other, settings, bundled).folder()).isEqualTo(other);
        assertThat(WorkspaceViewModel.choose(null, settings, bundled).folder()).isEqualTo(team);
        Files.delete(team);
        assertThat(WorkspaceViewModel.choose(null, settings, bundled)).isEqualTo(Workspace.demo(bundled));
        assertThat(started(null).currentProperty().get()).isEqualTo(Workspace.demo(bundled));
    }
}
