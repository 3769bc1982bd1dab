package dev.incidentconsole.app.links;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** The files of the {@link LinkHandOff}: its socket, the lock beside it and their private folder. */
final class HandOffFiles {
    private HandOffFiles() {
    }

    static ServerSocketChannel bind(Path socket) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            server.bind(UnixDomainSocketAddress.of(socket));
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
            }
            return server;
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /**
     * The lock on {@code file}, or null when another process held it all along {@code patience}: a window stopped
     * while starting must not keep the next one from opening.
     */
    static FileLock lockWithin(FileChannel file, Duration patience) throws IOException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            FileLock lock = file.tryLock();
            if (lock != null || System.nanoTime() > deadline) {
                return lock;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }

    /** The lock file, made with mode 0600; it stays, as removing it could let a waiting window lock a stale copy. */
    static FileChannel lockFile(Path file) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (FileAlreadyExistsException e) {
                // made by an earlier window
            }
        }
        return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    }

    /**
     * Makes the socket's folder, readable by its owner only: bind() creates the socket with the process's umask, and
     * its mode is set only after, so the folder is what keeps other users out meanwhile.
     */
    static void privateFolder(Path folder) throws IOException {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectories(folder);
            return;
        }
        Set<PosixFilePermission> owner = PosixFilePermissions.fromString("rwx------");
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(owner));
        }
        Files.setPosixFilePermissions(folder, owner);
    }

    /** Whether {@code socket} belongs to this process's user: a link is never handed to another user's listener. */
    static boolean ownedByThisUser(Path socket) {
        try {
            Path mine = Files.createTempFile(socket.getParent(), ".owner", "");
            try {
                return Files.getOwner(socket).equals(Files.getOwner(mine));
            } finally {
                Files.deleteIfExists(mine);
            }
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** Whether a process accepts connections on {@code socket} (a stale file refuses them). */
    static boolean answers(Path socket) {
        try (SocketChannel ignored = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Which file {@code socket} is: its file key and modification time (an inode number alone is soon reused). */
    static List<Object> identity(Path socket) {
        try {
            BasicFileAttributes a = Files.readAttributes(socket, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return a.fileKey() == null ? null : List.of(a.fileKey(), a.lastModifiedTime());
        } catch (IOException e) {
            return null;
        }
    }
}
