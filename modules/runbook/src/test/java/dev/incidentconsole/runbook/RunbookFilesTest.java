package dev.incidentconsole.runbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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
    void aMissingRootIsReported(@TempDir Path dir) {
        assertThatThrownBy(() -> RunbookFiles.find(dir.resolve("nope"))).isInstanceOf(NoSuchFileException.class);
    }

    private static Path touch(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "# x\n");
    }
}
