package dev.incidentconsole.runbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunbookFilesTest {

    @Test
    void findsMarkdownAndTextFilesRecursivelySortedSkippingHiddenFolders(@TempDir Path dir) throws IOException {
        Path a = touch(dir.resolve("b/zeta.md"));
        Path b = touch(dir.resolve("a/nested/deep/alpha.MARKDOWN"));
        Path c = touch(dir.resolve("notes.txt"));
        touch(dir.resolve("image.png"));
        touch(dir.resolve(".git/HEAD.md"));
        touch(dir.resolve("README"));

        assertThat(RunbookFiles.find(dir)).containsExactly(b, a, c);
    }

    @Test
    void aFileGivenDirectlyIsKeptWhateverItsNameAndDuplicatesAreMerged(@TempDir Path dir) throws IOException {
        Path odd = touch(dir.resolve("runbook.rst"));
        Path md = touch(dir.resolve("x.md"));

        assertThat(RunbookFiles.find(odd, dir, md)).containsExactly(odd, md);
    }

    @Test
    void theWalkStopsAtItsDepthBound(@TempDir Path dir) throws IOException {
        Path atBound = touch(dir.resolve("d/".repeat(RunbookFiles.MAX_DEPTH - 1) + "deepest.md"));
        touch(dir.resolve("d/".repeat(RunbookFiles.MAX_DEPTH) + "too-deep.md"));

        assertThat(RunbookFiles.find(dir)).containsExactly(atBound);
    }

    @Test
    void aMissingRootIsReported(@TempDir Path dir) {
        assertThatThrownBy(() -> RunbookFiles.find(dir.resolve("nope"))).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void hiddenFilesAndFoldersAreNotRunbooksButLinkedFilesAndFoldersAreFollowedOnce(@TempDir Path dir,
            @TempDir Path elsewhere) throws IOException {
        Path runbook = touch(dir.resolve("db/failover.md"));
        touch(dir.resolve("db/.draft.md"));
        touch(dir.resolve(".git/notes.md"));
        Path shared = touch(elsewhere.resolve("shared.md"));
        Path linkedFile = Files.createSymbolicLink(dir.resolve("shared.md"), shared);
        Path linkedFolder = Files.createSymbolicLink(dir.resolve("team"), shared.getParent());
        Files.createSymbolicLink(dir.resolve("db/loop"), dir.resolve("db"));

        assertThat(RunbookFiles.find(dir)).containsExactly(runbook, linkedFile, linkedFolder.resolve("shared.md"));
        assertThat(RunbookFiles.under(dir, folder -> { }))
                .containsExactly(runbook, linkedFile, linkedFolder.resolve("shared.md"));
    }

    @Test
    void aDanglingLinkWithARunbookNameIsListedSoThatReadingItReportsIt(@TempDir Path dir) throws IOException {
        Path dangling = Files.createSymbolicLink(dir.resolve("gone.md"), dir.resolve("nowhere.md"));
        Files.createSymbolicLink(dir.resolve("gone-folder"), dir.resolve("nowhere"));

        assertThat(RunbookFiles.find(dir)).containsExactly(dangling);
    }

    @Test
    void aFolderReachedThroughALinkLoopIsWalkedOnce(@TempDir Path dir) throws IOException {
        touch(dir.resolve("a/one.md"));
        Files.createSymbolicLink(dir.resolve("a/up"), dir);
        List<Path> walked = new ArrayList<>();

        assertThat(RunbookFiles.under(dir, walked::add)).containsExactly(dir.resolve("a/one.md"));
        assertThat(walked).containsExactlyInAnyOrder(dir, dir.resolve("a"));
    }

    @Test
    void theRuleNamesHiddenFilesAndEditorLeftoversAsNotRunbooks() {
        assertThat(RunbookFiles.isRunbook(Path.of("x/.draft.md"))).isFalse();
        assertThat(RunbookFiles.isRunbook(Path.of("x/.#failover.md"))).isFalse();
        assertThat(RunbookFiles.isRunbook(Path.of("x/failover.md~"))).isFalse();
        assertThat(RunbookFiles.isRunbook(Path.of("x/failover.md"))).isTrue();
    }

    private static Path touch(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "# x\n");
    }
}
