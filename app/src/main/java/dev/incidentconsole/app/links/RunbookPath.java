package dev.incidentconsole.app.links;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The runbook file of a link, which must stay inside the runbook folders: {@link #check} refuses absolute
 * paths, drive letters, backslashes and {@code ..} in the text; {@link #resolve} also follows symbolic links
 * and refuses a real path outside the folder.
 */
final class RunbookPath {
    private RunbookPath() {
    }

    /** The path as written, checked to be relative and without {@code ..}; returned with leading {@code ./} removed. */
    static String check(String path) throws DeepLinkException {
        String p = path.strip();
        if (p.startsWith("/") || p.startsWith("~") || p.contains("\\") || p.matches("(?s)^[A-Za-z]:.*") || p.contains("://")) {
            throw new DeepLinkException("Runbook '" + DeepLink.shorten(p)
                    + "': only a path relative to a runbook folder is accepted (no absolute path, drive or backslash).");
        }
        for (String part : p.split("/")) {
            if (part.equals("..")) {
                throw new DeepLinkException("Runbook '" + DeepLink.shorten(p) + "': '..' is refused; name a file inside a runbook folder.");
            }
        }
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        if (p.isEmpty() || p.endsWith("/")) {
            throw new DeepLinkException("Runbook '" + DeepLink.shorten(path) + "': name a file, not a folder.");
        }
        String lower = p.toLowerCase(Locale.ROOT);
        if (!lower.endsWith(".md") && !lower.endsWith(".markdown") && !lower.endsWith(".txt")) {
            throw new DeepLinkException("Runbook '" + DeepLink.shorten(p) + "': a runbook is a .md, .markdown or .txt file.");
        }
        return p;
    }

    /** The file in the first folder that has it, its real location inside that folder. */
    static Optional<Path> resolve(String checked, List<Path> folders) throws DeepLinkException {
        for (Path folder : folders) {
            Path candidate;
            try {
                candidate = folder.resolve(checked).normalize();
            } catch (InvalidPathException e) {
                throw new DeepLinkException("Runbook '" + DeepLink.shorten(checked) + "' is not a valid file name here.");
            }
            if (!Files.isRegularFile(candidate)) {
                continue;
            }
            try {
                Path realFolder = folder.toRealPath();
                Path real = candidate.toRealPath();
                if (!real.startsWith(realFolder)) {
                    throw new DeepLinkException("Runbook '" + DeepLink.shorten(checked)
                            + "' leads outside the runbook folder " + folder + " (symbolic link); it is refused.");
                }
                return Optional.of(candidate.toAbsolutePath());
            } catch (IOException e) {
                continue;
            }
        }
        return Optional.empty();
    }
}
