package dev.incidentconsole.runbook;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which files are runbooks, and the one walk that finds them: used by the outline, the CLI and the search
 * index alike, so that all of them list the same files.
 *
 * <p>The rule: a runbook is a file named {@code *.md}, {@code *.markdown} or {@code *.txt} that is not hidden;
 * hidden files ({@code .draft.md}, editor leftovers such as {@code .#x.md}) and everything under a hidden
 * folder ({@code .git}) are not runbooks. Symbolic links to files and folders are followed; a folder reached
 * twice (through a link, or a link loop) is walked once. A dangling link with a runbook name is listed, so
 * that reading it fails with its name rather than the runbook going missing unnoticed.
 */
public final class RunbookFiles {

    /** Obtained when something is logged: a search that logs nothing never starts the logging. */
    private static Logger log() {
        return LoggerFactory.getLogger(RunbookFiles.class);
    }

    /**
     * How deep a walk goes below the folder given. Runbook trees are a few levels deep; the bound keeps a folder
     * given by mistake (a home folder, {@code /}) from being walked whole.
     */
    public static final int MAX_DEPTH = 12;

    private RunbookFiles() {
    }

    /**
     * Every runbook file under the given roots, recursively, sorted by path and without duplicates. A root
     * that is a file is returned as given, whatever its name. Folders are walked as {@link #under} does.
     *
     * @throws IOException when a root does not exist or cannot be read
     */
    public static List<Path> find(Path... roots) throws IOException {
        TreeSet<Path> found = new TreeSet<>();
        for (Path root : roots) {
            if (!Files.exists(root)) {
                throw new NoSuchFileException(root.toString(), null, "no such file or folder");
            }
            if (Files.isRegularFile(root)) {
                found.add(root.normalize());
            } else {
                found.addAll(under(root, dir -> { }));
            }
        }
        return new ArrayList<>(found);
    }

    /**
     * Every runbook ({@link #isRunbook}) under the folder, sorted, each path starting with {@code folder} as
     * given (normalized). Hidden folders are skipped; symbolic links are followed, and a folder whose real path
     * was already walked (a second link to it, or a link loop) is skipped. Unreadable entries are skipped with
     * a log message; a folder that does not exist yields an empty list. Folders more than {@link #MAX_DEPTH}
     * levels below {@code folder} are not walked (logged).
     *
     * @param onFolder called with each folder walked, before its files are listed (the index's watcher
     *                 registers them)
     * @throws IOException when the walk itself fails
     */
    public static List<Path> under(Path folder, Consumer<Path> onFolder) throws IOException {
        List<Path> files = new ArrayList<>();
        Set<Path> walked = new HashSet<>();
        Files.walkFileTree(folder, EnumSet.of(FileVisitOption.FOLLOW_LINKS), MAX_DEPTH,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        if (!dir.equals(folder) && isHidden(dir) || !walked.add(realPath(dir))) {
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                        onFolder.accept(dir);
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        if (attrs.isDirectory()) { // only at MAX_DEPTH: the walk reports the folder, not its files
                            log().warn("Not looking for runbooks in {}: more than {} folders deep", file, MAX_DEPTH);
                            return FileVisitResult.CONTINUE;
                        }
                        // With links followed, a link reported as a link is dangling: it is kept so that reading
                        // it reports the broken link by name instead of the runbook silently missing.
                        if ((attrs.isRegularFile() || attrs.isSymbolicLink()) && isRunbook(file)) {
                            files.add(file.normalize());
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        if (e instanceof FileSystemLoopException) {
                            log().debug("Not following the link loop at {}", file);
                        } else if (e instanceof NoSuchFileException) {
                            log().debug("Skipping {}: gone or a dangling link", file);
                        } else {
                            log().warn("Skipping {}: {}", file, e.getMessage());
                        }
                        return FileVisitResult.CONTINUE;
                    }
                });
        files.sort(null);
        return files;
    }

    private static Path realPath(Path dir) {
        try {
            return dir.toRealPath();
        } catch (IOException e) {
            return dir.toAbsolutePath().normalize();
        }
    }

    /** Whether the file is a runbook by name: a runbook extension ({@link #isRunbookName}) and not hidden. */
    public static boolean isRunbook(Path file) {
        return !isHidden(file) && isRunbookName(file);
    }

    /** Whether the file or folder name starts with a dot ({@code .git}, {@code .draft.md}, {@code .#x.md}). */
    public static boolean isHidden(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().startsWith(".");
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
