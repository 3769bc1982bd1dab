package dev.incidentconsole.app.gui.runbooks;

import dev.incidentconsole.app.gui.util.HeldTaskExecutor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.incidentconsole.app.gui.util.DirectTaskExecutor;
import dev.incidentconsole.runbook.Block;
import dev.incidentconsole.runbook.Command;
import dev.incidentconsole.runbook.RunbookParser;
import dev.incidentconsole.runbook.Section;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RunbookTreeViewModelTest {
    @TempDir
    Path dir;

    private final RunbookTreeViewModel model =
            new RunbookTreeViewModel(new DirectTaskExecutor(), new RunbookLoader(new RunbookParser()));

    @Test
    void loadingAFolderBuildsOneOutlinePerRunbookSortedByTitle() throws IOException {
        model.load(TestRunbooks.write(dir));

        assertThat(model.loadingProperty().get()).isFalse();
        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(model.runbooks()).extracting(OutlineNode::title).containsExactly("Cache Runbook", "Payments API Runbook");
        assertThat(model.statusProperty().get()).startsWith("2 runbooks");
    }

    @Test
    void outlineNestsHeadingsAndLabelledPartsWithoutRepeatingTheTitle() throws IOException {
        model.load(TestRunbooks.write(dir));

        OutlineNode payments = model.runbooks().get(1);
        assertThat(payments.children()).extracting(OutlineNode::title).containsExactly("Common Issues", "Escalation");
        OutlineNode disk = payments.children().get(0).children().get(0);
        assertThat(disk.title()).isEqualTo("Disk full on the database host");
        assertThat(disk.procedure()).isTrue();
        assertThat(disk.children()).extracting(OutlineNode::title)
                .anySatisfy(t -> assertThat(t).startsWith("Diagnosis"))
                .anySatisfy(t -> assertThat(t).startsWith("Resolution"));
        assertThat(disk.dangerous()).isTrue();
        assertThat(payments.children().get(1).dangerous()).isFalse();
    }

    @Test
    void aSectionsTrailRunsFromItsRunbookDownToItsParentAndARunbookHasNone() throws IOException {
        model.load(TestRunbooks.write(dir));
        OutlineNode payments = model.runbooks().get(1);
        OutlineNode common = payments.children().get(0);
        OutlineNode disk = common.children().get(0);
        OutlineNode diagnosis = disk.children().stream().filter(n -> n.title().startsWith("Diagnosis")).findFirst().orElseThrow();

        assertThat(model.trail(diagnosis)).containsExactly(payments, common, disk);
        assertThat(model.trail(common)).containsExactly(payments);
        assertThat(model.trail(payments)).isEmpty();
    }

    @Test
    void selectingALabelledPartExposesItsCodeBlock() throws IOException {
        model.selectWhenLoaded("payments.md#Diagnosis");
        model.load(TestRunbooks.write(dir));

        OutlineNode selected = model.selectedProperty().get();
        assertThat(selected).isNotNull();
        assertThat(selected.title()).startsWith("Diagnosis");
        assertThat(commands(selected.shownSections())).extracting(Command::text)
                .containsExactly("df -h /var/lib/postgresql");
        assertThat(commands(selected.shownSections()).get(0).description()).contains("How full is the data volume");
    }

    @Test
    void selectingAProcedureShowsEveryPartOfIt() throws IOException {
        model.load(TestRunbooks.write(dir));
        model.selectWhenLoaded("payments.md#Common Issues > Disk full on the database host");

        OutlineNode selected = model.selectedProperty().get();
        assertThat(selected.shownSections()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(commands(selected.shownSections())).extracting(Command::text)
                .contains("df -h /var/lib/postgresql", "kubectl delete pod <pod-name> -n payments");
        assertThat(selected.commandCount()).isEqualTo(3);
    }

    @Test
    void selectingARunbookShowsAllOfItsBlocks() throws IOException {
        model.load(TestRunbooks.write(dir));
        model.selectWhenLoaded("cache.md");

        List<Block> blocks = model.selectedProperty().get().shownSections().stream()
                .flatMap(s -> s.blocks().stream()).toList();
        assertThat(blocks).filteredOn(Block.Code.class::isInstance).hasSize(2);
    }

    @Test
    void reloadKeepsTheReaderOnTheSameSection() throws IOException {
        model.load(TestRunbooks.write(dir));
        model.selectWhenLoaded("payments.md#Escalation");
        OutlineNode before = model.selectedProperty().get();

        model.reload();

        assertThat(model.selectedProperty().get()).as("unchanged, so not drawn again").isSameAs(before);
    }

    @Test
    void unknownReferenceSelectsNothingAndSaysSo() throws IOException {
        model.load(TestRunbooks.write(dir));
        model.selectWhenLoaded("payments.md#No such heading");

        assertThat(model.selectedProperty().get()).isNull();
        assertThat(model.statusProperty().get()).contains("No such heading");
    }

    @Test
    void brokenFileStillAppearsWithWarnings() throws IOException {
        TestRunbooks.write(dir);
        Files.write(dir.resolve("broken.md"), new byte[] {0, 1, 2, (byte) 0xff, (byte) 0xfe, 0, 'x', 0, 0, 7});

        model.load(dir);

        assertThat(model.runbooks()).hasSize(3);
        OutlineNode broken = model.runbooks().stream()
                .filter(r -> r.runbook().file().getFileName().toString().equals("broken.md")).findFirst().orElseThrow();
        assertThat(broken.warnings()).isNotEmpty();
        assertThat(model.statusProperty().get()).contains("1 with warnings");
    }

    @Test
    void fileThatCannotBeReadAppearsWithAWarning() throws IOException {
        TestRunbooks.write(dir);
        Path locked = Files.writeString(dir.resolve("locked.md"), "# Locked\n");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(locked), "running as root: file permissions do not stop reads");

        model.load(dir);

        assertThat(model.runbooks()).hasSize(3).anySatisfy(r -> {
            assertThat(r.title()).isEqualTo("locked.md");
            assertThat(r.warnings()).singleElement().asString().contains("Cannot read this file");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"missing", "payments.md/inside-a-file"})
    void missingFolderSetsAnErrorMessageNamingIt(String name) throws IOException {
        Path folder = TestRunbooks.write(dir).resolve(name);

        model.load(folder);

        assertThat(model.loadingProperty().get()).isFalse();
        assertThat(model.runbooks()).isEmpty();
        assertThat(model.errorProperty().get()).contains(folder.toString()).contains("does not exist");
    }

    @Test
    void unreadableFolderSetsAnErrorMessage() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("secret"));
        TestRunbooks.write(folder);
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("---------"));
        try {
            assumeFalse(Files.isReadable(folder), "running as root: folder permissions do not stop reads");
            model.load(folder);
            assertThat(model.errorProperty().get()).contains(folder.toString()).contains("permission denied");
            assertThat(model.runbooks()).isEmpty();
        } finally {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void loadingAGoodFolderAfterAnErrorClearsIt() throws IOException {
        model.load(dir.resolve("missing"));
        model.load(TestRunbooks.write(dir));

        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(model.runbooks()).hasSize(2);
    }

    @Test
    void resultOfAnOlderLoadIsDropped() throws IOException {
        HeldTaskExecutor queued = new HeldTaskExecutor();
        RunbookTreeViewModel slow = new RunbookTreeViewModel(queued, new RunbookLoader(new RunbookParser()));
        slow.load(dir.resolve("missing"));
        slow.load(TestRunbooks.write(dir));
        assertThat(slow.loadingProperty().get()).isTrue();

        queued.runAll();

        assertThat(slow.loadingProperty().get()).isFalse();
        assertThat(slow.errorProperty().get()).isEmpty();
        assertThat(slow.runbooks()).hasSize(2);
    }

    @Test
    void emptyFolderLoadsWithoutErrorAndSaysWhatItLooksFor() {
        model.load(dir);

        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(model.runbooks()).isEmpty();
        assertThat(model.statusProperty().get()).contains("No runbooks").contains("*.md");
    }

    private static List<Command> commands(List<Section> sections) {
        return sections.stream().flatMap(s -> s.commands().stream()).toList();
    }
}
