package dev.incidentconsole.search;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Which files in a runbook folder are runbooks, and which folders to look in. */
final class RunbookFiles {

    private RunbookFiles() {
    }

    /**
     * Runbooks as the rest of the app sees them ({@link dev.incidentconsole.runbook.RunbookFiles#isRunbookName}:
     * Markdown and plain text), skipping hidden files and editor leftovers ({@code .#x.md}, {@code x.md~}).
     */
    static boolean isRunbook(Path file) {
        return !hidden(file) && dev.incidentconsole.runbook.RunbookFiles.isRunbookName(file);
    }

    static boolean hidden(Path p) {
        Path name = p.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    /**
     * Every runbook under the folder, absolute and sorted. Hidden folders ({@code .git}) are skipped and
     * unreadable ones ignored; each folder visited is handed to {@code onFolder} (the watcher registers them).
     */
    static List<Path> under(Path folder, Consumer<Path> onFolder) throws IOException {
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (!dir.equals(folder) && hidden(dir)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                onFolder.accept(dir);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (!attrs.isDirectory() && isRunbook(file)) {
                    files.add(file.toAbsolutePath().normalize());
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(null);
        return files;
    }
}
