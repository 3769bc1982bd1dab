package dev.incidentconsole.exec;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Files only their owner may read: run logs and scripts can hold what a command printed. */
final class OwnerOnlyFiles {
    private OwnerOnlyFiles() {
    }

    /**
     * Creates {@code file} with mode 0600 where the file system has POSIX permissions (an existing one is
     * set to 0600), so no other user ever sees it readable; elsewhere it is created as usual.
     */
    static Path create(Path file) throws IOException {
        if (!Files.getFileStore(file.toAbsolutePath().getParent()).supportsFileAttributeView("posix")) {
            return Files.exists(file) ? file : Files.createFile(file);
        }
        try {
            return Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException e) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return file;
        }
    }
}
