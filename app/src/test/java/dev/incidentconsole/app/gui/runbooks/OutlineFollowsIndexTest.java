package dev.incidentconsole.app.gui.runbooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.app.gui.util.DirectTaskExecutor;
import dev.incidentconsole.app.gui.util.HeldTaskExecutor;
import dev.incidentconsole.runbook.Runbook;
import dev.incidentconsole.runbook.RunbookParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outline following the search index's reading of runbooks edited on disk ({@link RunbookTreeViewModel#follow}),
 * with the real parser and files: the reader stays on the section they read, and no edit is lost.
 */
class OutlineFollowsIndexTest {
    private static final String README = "# Service README\n\n## Restart\n\nsystemctl restart %s\n\n## Logs\n\nSee %s.\n";

    @TempDir
    Path dir;

    private final RunbookLoader loader = new RunbookLoader(new RunbookParser());

    @Test
    void aReaderOnTeamBsReadmeStaysThereWhenTeamAsReadmeWithTheSameHeadingsIsSaved() throws IOException {
        Path root = teams();
        RunbookTreeViewModel model = reading(root, "teamB/README.md#Restart");
        OutlineNode reading = model.selectedProperty().get();
        assertThat(reading.file()).isEqualTo(root.resolve("teamB/README.md"));

        Files.writeString(root.resolve("teamA/README.md"), README.formatted("api-v2", "journalctl"));
        model.follow(List.of(root), indexed(root), Set.of());

        assertThat(model.runbooks()).extracting(o -> o.runbook().title()).containsExactly("Service README",
                "Service README");
        assertThat(model.runbooks().get(0).runbook().sections().toString()).contains("api-v2");
        assertThat(model.selectedProperty().get()).as("teamB's unchanged entry, not drawn again").isSameAs(reading);
    }

    @Test
    void whenTheRunbookBeingReadIsSavedTheReaderStaysOnItsSectionInThatFile() throws IOException {
        Path root = teams();
        RunbookTreeViewModel model = reading(root, "teamB/README.md#Logs");
        OutlineNode teamA = model.runbooks().get(0);

        Files.writeString(root.resolve("teamB/README.md"), README.formatted("worker-v2", "the dashboard"));
        model.follow(List.of(root), indexed(root), Set.of());

        OutlineNode now = model.selectedProperty().get();
        assertThat(now.file()).isEqualTo(root.resolve("teamB/README.md"));
        assertThat(now.title()).isEqualTo("Logs");
        assertThat(now.runbook().sections().toString()).contains("worker-v2");
        assertThat(model.runbooks().get(0)).as("teamA's unchanged entry is kept").isSameAs(teamA);
    }

    @Test
    void theComparisonRunsOnTheExecutorNotTheCallingThread() throws IOException {
        Path root = teams();
        HeldTaskExecutor held = new HeldTaskExecutor();
        RunbookTreeViewModel model = new RunbookTreeViewModel(held, loader);
        model.load(root);
        held.runAll();
        List<OutlineNode> before = List.copyOf(model.runbooks());

        Files.writeString(root.resolve("teamA/README.md"), README.formatted("api-v2", "journalctl"));
        model.follow(List.of(root), indexed(root), Set.of());
        assertThat(model.runbooks()).as("nothing compared or built on the caller's thread").isEqualTo(before);

        held.runAll();
        assertThat(model.runbooks().get(0)).isNotSameAs(before.get(0));
        assertThat(model.runbooks().get(1)).isSameAs(before.get(1));
    }

    @Test
    void anEditIndexedWhileALoadThatReadTheOldFileRunsIsShownWhenTheLoadEnds() throws IOException {
        Path root = teams();
        HeldTaskExecutor answersLater = HeldTaskExecutor.answersLater();
        RunbookTreeViewModel model = new RunbookTreeViewModel(answersLater, loader);
        model.load(root); // reads both files now, answers later
        assertThat(model.loadingProperty().get()).isTrue();

        Files.writeString(root.resolve("teamA/README.md"), README.formatted("api-v2", "journalctl"));
        model.follow(List.of(root), indexed(root), Set.of());
        answersLater.runAll();

        assertThat(model.loadingProperty().get()).isFalse();
        assertThat(model.runbooks().get(0).runbook().sections().toString()).contains("api-v2");
    }

    @Test
    void reloadingUnchangedRunbooksKeepsTheirEntriesAndTheOpenSection() throws IOException {
        Path root = teams();
        RunbookTreeViewModel model = reading(root, "teamA/README.md#Logs");
        OutlineNode reading = model.selectedProperty().get();
        List<OutlineNode> before = List.copyOf(model.runbooks());

        model.reload();

        assertThat(model.runbooks()).containsExactlyElementsOf(before);
        assertThat(model.selectedProperty().get()).isSameAs(reading);
    }

    /** A reader on the outline of {@code root}, at {@code reference}. */
    private RunbookTreeViewModel reading(Path root, String reference) {
        RunbookTreeViewModel model = new RunbookTreeViewModel(new DirectTaskExecutor(), loader);
        model.load(root);
        model.selectWhenLoaded(reference);
        return model;
    }

    private Path teams() throws IOException {
        Path root = dir.toAbsolutePath().normalize();
        Files.createDirectories(root.resolve("teamA"));
        Files.createDirectories(root.resolve("teamB"));
        Files.writeString(root.resolve("teamA/README.md"), README.formatted("api", "journalctl"));
        Files.writeString(root.resolve("teamB/README.md"), README.formatted("worker", "journalctl"));
        return root;
    }

    /** The runbooks as the index holds them after the edit: read again from disk by the real parser. */
    private List<Runbook> indexed(Path root) throws IOException {
        return loader.load(root);
    }
}
