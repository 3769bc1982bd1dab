package dev.incidentconsole.runbook;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Finds runbook files ({@code *.md}, {@code *.markdown}, {@code *.txt}) under files and folders. */
public final class RunbookFiles {

    /** Obtained when something is logged: a search that logs nothing never starts the logging. */
    private static Logger log() {
        return LoggerFactory.getLogger(RunbookFiles.class);
    }

    private RunbookFiles() {
    }

    /**
     * Every runbook file under the given roots, recursively, sorted by path and without duplicates. A root
     * that is a file is returned as given, whatever its extension. Hidden folders (such as {@code .git}) are
     * skipped, symbolic links are not followed, and unreadable folders are skipped with a log message.
     *
     * @throws IOException when a root does not exist or cannot be read
     */
    public static List<Path> find(Path... roots) throws IOException {
        TreeSet<Path> found = new TreeSet<>();
        for (Path root : roots) {
            if (!Files.exists(root)) {
                throw new java.nio.file.NoSuchFileException(root.toString(), null, "no such file or folder");
            }
            if (Files.isRegularFile(root)) {
                found.add(root.normalize());
                continue;
            }
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    boolean hidden = !dir.equals(root) && dir.getFileName() != null
                            && dir.getFileName().toString().startsWith(".");
                    return hidden ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && isRunbookName(file)) {
                        found.add(file.normalize());
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    log().warn("Skipping {}: {}", file, e.getMessage());
                    return FileVisitResult.CONTINUE;
                }
            });
        }
        return new ArrayList<>(found);
    }

    /** Whether the file name has a runbook extension ({@code .md}, {@code .markdown}, {@code .txt}). */
    public static boolean isRunbookName(Path file) {
        Path name = file.getFileName();
        if (name == null) {
            return false;
        }
        String n = name.toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".md") || n.endsWith(".markdown") || n.endsWith(".txt");
    }
}
