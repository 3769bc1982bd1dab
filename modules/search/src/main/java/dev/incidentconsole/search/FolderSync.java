package dev.incidentconsole.search;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.incidentconsole.runbook.RunbookFiles;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Keeps a {@link RunbookIndex} in step with runbook folders: one-off indexing, then watching. */
final class FolderSync implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(FolderSync.class);

    private final RunbookIndex index;
    private final List<FolderWatcher> watchers = new CopyOnWriteArrayList<>();

    FolderSync(RunbookIndex index) {
        this.index = index;
    }

    void indexFolders(List<Path> folders) throws IOException {
        for (Path folder : checked(folders)) {
            sync(folder, dir -> { });
        }
    }

    void watch(List<Path> folders) throws IOException {
        List<Path> roots = checked(folders);
        if (roots.isEmpty()) {
            return;
        }
        FolderWatcher[] watcher = new FolderWatcher[1];
        watcher[0] = new FolderWatcher(roots, new FolderWatcher.Sink() {
            @Override
            public void changed(Path file) {
                index.reindex(file);
            }

            @Override
            public void gone(Path path) {
                index.remove(path);
            }

            @Override
            public void resync(Path folder) {
                sync(folder, watcher[0]::register);
            }
        }, RunbookIndex.DEBOUNCE);
        watchers.add(watcher[0]);
        for (Path root : roots) {
            sync(root, watcher[0]::register); // folders are registered before their files are read
        }
        watcher[0].start();
    }

    /** Indexes every runbook under the folder and removes indexed files under it that are gone. */
    private void sync(Path folder, Consumer<Path> onFolder) {
        List<Path> found;
        try {
            found = RunbookFiles.under(folder, onFolder);
        } catch (IOException e) {
            LOG.warn("Cannot list runbook folder {}: {}", folder, e.getMessage());
            return;
        }
        Set<Path> present = Set.copyOf(found);
        index.files().stream().filter(p -> p.startsWith(folder) && !present.contains(p)).forEach(index::remove);
        found.forEach(f -> index.load(f, false));
        index.refreshAfterBulk();
    }

    private static List<Path> checked(List<Path> folders) throws IOException {
        List<Path> roots = new ArrayList<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                throw new NoSuchFileException(folder.toString(), null,
                        "the runbook folder does not exist or is not a folder; check the runbook folders setting");
            }
            roots.add(folder.toAbsolutePath().normalize());
        }
        return roots;
    }

    @Override
    public void close() throws IOException {
        for (FolderWatcher w : watchers) {
            w.close();
        }
    }
}
